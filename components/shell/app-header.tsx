"use client";

import { Activity, Search } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useState } from "react";
import { LazyPart } from "@/components/ui/lazy-part";
import { NAV_ITEMS } from "./nav-items";
import { ThemeToggle } from "./theme-toggle";
import { useCarriedDc, withDc } from "./use-carried-dc";
import { useHotkeys } from "./use-hotkeys";

// The palette (cmdk, the dialog, the key list) loads on first use, not with every page's first screen.
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });

/** The persistent header: sections, the datacenter in use, the command palette and the theme. */
export function AppHeader() {
  const path = usePathname();
  const dc = useCarriedDc();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [paletteUsed, setPaletteUsed] = useState(false);
  const openPalette = useCallback(() => {
    setPaletteUsed(true);
    setPaletteOpen(true);
  }, []);
  useHotkeys(openPalette);
  // The wall is a chrome-less full-screen display.
  if (path.startsWith("/wall")) return null;
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex max-w-[120rem] flex-wrap items-center gap-x-2 gap-y-1 px-3 py-1.5 sm:px-4">
        <a href="#main" className="sr-only focus:not-sr-only focus:rounded focus:bg-surface-2 focus:px-2 focus:py-1">
          Skip to content
        </a>
        <Link href={withDc("/", dc)} className="mr-2 flex items-center gap-2 font-semibold text-fg">
          <Activity aria-hidden="true" className="size-5" />
          <span className="hidden sm:inline">Consul Dashboard</span>
        </Link>
        <nav aria-label="Main" className="order-last flex w-full gap-1 overflow-x-auto text-sm sm:order-none sm:w-auto">
          {NAV_ITEMS.map(({ label, href, Icon, matches, carriesDc }) => {
            const current = matches(path);
            return (
              <Link
                key={href}
                href={carriesDc ? withDc(href, dc) : href}
                aria-current={current ? "page" : undefined}
                className={`flex items-center gap-1.5 rounded px-2.5 py-1.5 whitespace-nowrap ${
                  current ? "bg-surface-2 font-semibold text-fg" : "text-fg-soft hover:bg-surface-2"
                }`}
              >
                <Icon aria-hidden="true" className="size-4" />
                {label}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-1">
          {dc && (
            <span className="rounded border border-line-strong px-2 py-0.5 text-xs text-fg-soft" data-testid="header-dc">
              <span className="sr-only">Datacenter: </span>
              {dc}
            </span>
          )}
          <button
            type="button"
            onClick={openPalette}
            className="flex items-center gap-2 rounded border border-line-strong px-2 py-1 text-sm text-muted hover:bg-surface-2"
            aria-keyshortcuts="Control+K Meta+K"
          >
            <Search aria-hidden="true" className="size-4" />
            <span className="hidden md:inline">Jump to…</span>
            <kbd className="hidden rounded border border-line px-1 text-xs md:inline">Ctrl K</kbd>
            <span className="sr-only md:hidden">Jump to</span>
          </button>
          <ThemeToggle />
        </div>
      </div>
      {paletteUsed && (
        <LazyPart what="the command palette">
          <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} dc={dc} />
        </LazyPart>
      )}
    </header>
  );
}
