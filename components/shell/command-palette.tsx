"use client";

import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { liveQueries } from "@/components/health/queries";
import { kvQueries } from "@/components/kv/queries";
import { datacentersQuery } from "@/components/services/queries";
import { Dialog } from "@/components/ui/dialog";
import { kvHref } from "@/lib/kv/key";
import { NAV_ITEMS } from "./nav-items";
import { filterItems, keyPrefixes, type PaletteItem } from "./palette-items";
import { withDc } from "./use-carried-dc";

/**
 * Ctrl/⌘-K: jump to any page, service, key prefix or datacenter by typing. Services come
 * from the live overview cache, datacenters and key names from our API (fetched on open).
 */
export function CommandPalette({ open, onOpenChange, dc }: { open: boolean; onOpenChange: (o: boolean) => void; dc: string | undefined }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const overview = useQuery(liveQueries.overview(dc)).data;
  const dcs = useQuery({ ...datacentersQuery(), enabled: open });
  const keys = useQuery({ ...kvQueries.allKeys(""), enabled: open });

  const items = useMemo<PaletteItem[]>(() => {
    const pages = NAV_ITEMS.map((n) => ({ group: "Pages" as const, label: n.label, href: n.carriesDc ? withDc(n.href, dc) : n.href }));
    const services = Object.values(overview?.services ?? {})
      .map((s) => ({ group: "Services" as const, label: s.name, href: withDc(`/services/${encodeURIComponent(s.name)}`, dc), hint: s.status }))
      .sort((a, b) => a.label.localeCompare(b.label));
    const prefixes = keyPrefixes(keys.data?.keys ?? []).map((p) => ({ group: "Key prefixes" as const, label: p, href: kvHref(p, "folder") }));
    const datacenters = (dcs.data ?? []).map((d) => ({ group: "Datacenters" as const, label: d, href: `/?dc=${encodeURIComponent(d)}` }));
    return [...pages, ...services, ...prefixes, ...datacenters];
  }, [overview, keys.data, dcs.data, dc]);

  // Filtered on the text as typed, not a deferred copy: Enter must act on what was typed (a deferred
  // list still showing "a/" while "a/deep" was typed sent Enter to "a/"). A pass over 15,000 labels is
  // a millisecond or two.
  const shown = useMemo(() => filterItems(items, text), [items, text]);
  const groups = [...new Set(shown.map((i) => i.group))];
  // The highlighted item: the one picked with the arrows while it is still shown, else the first match.
  const [picked, setPicked] = useState("");
  const itemValue = (i: PaletteItem) => `${i.group}:${i.href}`;
  const selected = shown.some((i) => itemValue(i) === picked) ? picked : shown[0] ? itemValue(shown[0]) : "";

  const go = (href: string) => {
    onOpenChange(false);
    setText("");
    router.push(href);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Jump to">
      <Command shouldFilter={false} label="Jump to" className="text-sm" value={selected} onValueChange={setPicked}>
        <Command.Input
          value={text}
          onValueChange={setText}
          placeholder="Service, key prefix, datacenter…"
          className="w-full rounded border border-line-strong bg-canvas px-3 py-2 text-fg"
        />
        <Command.List className="mt-2 max-h-[60vh] overflow-y-auto">
          <Command.Empty className="p-3 text-muted">
            {keys.isFetching || dcs.isFetching ? "Loading…" : "Nothing matches."}
          </Command.Empty>
          {groups.map((g) => (
            <Command.Group key={g} heading={g} className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:text-muted">
              {shown
                .filter((i) => i.group === g)
                .map((i) => (
                  <Command.Item
                    key={`${g}:${i.href}`}
                    value={itemValue(i)}
                    onSelect={() => go(i.href)}
                    className="flex cursor-pointer items-center justify-between gap-2 rounded px-2 py-1.5 data-[selected=true]:bg-surface-2"
                  >
                    <span className="truncate font-mono">{i.label}</span>
                    {i.hint && <span className="text-xs text-muted">{i.hint}</span>}
                  </Command.Item>
                ))}
            </Command.Group>
          ))}
        </Command.List>
        {(keys.error || dcs.error) && (
          <p role="alert" className="mt-2 text-xs text-danger-fg">
            {keys.error ? `Key names unavailable: ${keys.error.message}. ` : ""}
            {dcs.error ? `Datacenters unavailable: ${dcs.error.message}.` : ""}
          </p>
        )}
      </Command>
    </Dialog>
  );
}
