import { Database, LayoutGrid, MonitorPlay, type LucideIcon } from "lucide-react";

export interface NavItem {
  label: string;
  href: string;
  Icon: LucideIcon;
  /** Whether the item is the current page, by path. */
  matches: (path: string) => boolean;
  /** Whether the link carries `?dc=`. */
  carriesDc: boolean;
}

/** The app's sections; Nodes and Datacenters go here when they exist. */
export const NAV_ITEMS: NavItem[] = [
  { label: "Services", href: "/", Icon: LayoutGrid, matches: (p) => p === "/" || p.startsWith("/services"), carriesDc: true },
  { label: "Key/Value", href: "/kv", Icon: Database, matches: (p) => p === "/kv" || p.startsWith("/kv/"), carriesDc: false },
  { label: "Wall", href: "/wall", Icon: MonitorPlay, matches: (p) => p.startsWith("/wall"), carriesDc: true },
];
