import type { LiveSummary } from "@/lib/api/live";
import type { ServiceStatus } from "@/lib/api/overview";
import { statusTotals, type StatusTotals } from "@/lib/health/rollup";
import { wallTiles, type WallTile } from "./tiles";

/**
 * The wall's tiles and totals, computed the same way by the server (into the page's HTML,
 * from its warm watch) and by the browser (from the live stream). Pure and isomorphic.
 */

/** What a tile shows of a service; nothing else (tags, failing checks) travels in the page. */
export type WallTileService = Pick<LiveSummary, "name" | "status" | "healthy" | "total" | "since" | "sinceExact">;

export interface WallScreen {
  /** In display order: problems first; beyond 200, the OK services as one folded tile at the end. */
  tiles: WallTile<WallTileService>[];
  /** Totals of what the wall shows (its filters applied), folded OK services included. */
  totals: StatusTotals;
}

/** The server's first screen of a wall, in the page's HTML until the live stream's snapshot. */
export interface WallFirstScreen extends WallScreen {
  /** ISO time the server read it. */
  at: string;
  /** Whether the server's watch of Consul was live then (a failing watch's data is shown stale at once). */
  live: boolean;
}

export interface WallFilter {
  tag?: string;
  status?: ServiceStatus;
  q: string;
}

const compact = ({ name, status, healthy, total, since, sinceExact }: LiveSummary): WallTileService => ({ name, status, healthy, total, since, sinceExact });

/** The tiles and totals a wall with `filter` shows of `services`. */
export function wallScreen(services: Iterable<LiveSummary>, filter: WallFilter): WallScreen {
  const tiles: WallTile<WallTileService>[] = wallTiles(services, { tag: filter.tag, status: filter.status, q: filter.q }).map((t) =>
    t.kind === "service" ? { kind: "service", service: compact(t.service) } : t,
  );
  const shown = statusTotals(tiles.flatMap((t) => (t.kind === "service" ? [t.service] : [])));
  const folded = tiles.reduce((n, t) => n + (t.kind === "folded" ? t.count : 0), 0);
  return { tiles, totals: { ...shown, OK: shown.OK + folded, services: shown.services + folded } };
}
