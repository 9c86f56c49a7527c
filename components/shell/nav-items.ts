import { Database, Globe, LayoutGrid, MonitorPlay, ScrollText, Server, type LucideIcon } from "lucide-react";

export interface NavItem {
  label: string;
  href: string;
  Icon: LucideIcon;
  /** Whether the item is the current page, by path. */
  matches: (path: string) => boolean;
  /** Whether the link carries `?dc=`. */
  carriesDc: boolean;
}

/** The app's sections, in the header and the command palette. */
export const NAV_ITEMS: NavItem[] = [
  { label: "Services", href: "/", Icon: LayoutGrid, matches: (p) => p === "/" || p.startsWith("/services"), carriesDc: true },
  { label: "Nodes", href: "/nodes", Icon: Server, matches: (p) => p.startsWith("/nodes"), carriesDc: true },
  { label: "Datacenters", href: "/datacenters", Icon: Globe, matches: (p) => p.startsWith("/datacenters"), carriesDc: false },
  { label: "Key/Value", href: "/kv", Icon: Database, matches: (p) => p === "/kv" || p.startsWith("/kv/"), carriesDc: false },
  { label: "KV audit", href: "/kv-audit", Icon: ScrollText, matches: (p) => p.startsWith("/kv-audit"), carriesDc: false },
  { label: "Wall", href: "/wall", Icon: MonitorPlay, matches: (p) => p.startsWith("/wall"), carriesDc: true },
];
