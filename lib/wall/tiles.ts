import { filterAndSort } from "@/lib/health/view";
import type { ServiceStatus } from "@/lib/api/overview";

/** Above this many tiles, OK services fold into one count tile; problems always keep their own. */
const MAX_TILES = 200;

interface Service {
  name: string;
  tags: string[];
  status: ServiceStatus;
  total: number;
}

export type WallTile<S> = { kind: "service"; service: S } | { kind: "folded"; count: number };

/**
 * Filters (`tag`, `status`, `q`) and orders the services: DOWN, DEGRADED, OK, then by
 * name, so tiles never jump about between updates. When more than `max` remain, the OK
 * ones become one "N OK" tile at the end.
 */
export function wallTiles<S extends Service>(
  services: Iterable<S>,
  filter: { tag?: string; status?: ServiceStatus; q: string },
  max = MAX_TILES,
): WallTile<S>[] {
  const sorted = filterAndSort(services, { tag: filter.tag, status: filter.status, q: filter.q, sort: "problems" });
  if (sorted.length <= max) return sorted.map((service) => ({ kind: "service", service }));
  const problems = sorted.filter((s) => s.status !== "OK");
  const ok = sorted.length - problems.length;
  const tiles: WallTile<S>[] = problems.map((service) => ({ kind: "service", service }));
  if (ok > 0) tiles.push({ kind: "folded", count: ok });
  return tiles;
}

/** "12s", "4m", "3h 5m", "2d": short enough for a tile, read from across the room. */
export function shortDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/**
 * Shortens a name to `capacity` characters by cutting its middle ("payments-a…eu-west-2"):
 * names of one estate often share a prefix, and the end is what tells them apart.
 */
export function fitName(name: string, capacity: number): string {
  const chars = [...name];
  if (chars.length <= capacity) return name;
  const room = Math.max(1, Math.floor(capacity) - 1);
  const tail = Math.min(room - 1, Math.ceil(room * 0.45));
  const head = room - tail;
  return `${chars.slice(0, head).join("")}…${tail > 0 ? chars.slice(-tail).join("") : ""}`;
}
