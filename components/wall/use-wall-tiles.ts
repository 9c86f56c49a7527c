"use client";

import { useMemo } from "react";
import type { LiveSummary } from "@/lib/api/live";
import { statusTotals, type StatusTotals } from "@/lib/health/rollup";
import type { ServiceStatus } from "@/lib/api/overview";
import { wallTiles, type WallTile } from "@/lib/wall/tiles";

/** The wall's tiles and the totals of what it shows (folded OK services included). */
export function useWallTiles(
  services: LiveSummary[] | undefined,
  tag: string | undefined,
  status: ServiceStatus | undefined,
  q: string,
): { tiles: WallTile<LiveSummary>[]; totals: StatusTotals | undefined } {
  return useMemo(() => {
    const tiles = wallTiles(services ?? [], { tag, status, q });
    if (!services) return { tiles, totals: undefined };
    const totals = statusTotals(tiles.flatMap((t) => (t.kind === "service" ? [t.service] : [])));
    const folded = tiles.reduce((n, t) => n + (t.kind === "folded" ? t.count : 0), 0);
    return { tiles, totals: { ...totals, OK: totals.OK + folded, services: totals.services + folded } };
  }, [services, tag, status, q]);
}
