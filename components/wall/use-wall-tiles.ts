"use client";

import { useMemo } from "react";
import type { LiveSummary } from "@/lib/api/live";
import type { ServiceStatus } from "@/lib/api/overview";
import type { StatusTotals } from "@/lib/health/rollup";
import { wallScreen, type WallTileService } from "@/lib/wall/first-screen";
import type { WallTile } from "@/lib/wall/tiles";

/** The wall's tiles and the totals of what it shows (folded OK services included), as the server's first screen computes them. */
export function useWallTiles(
  services: LiveSummary[] | undefined,
  tag: string | undefined,
  status: ServiceStatus | undefined,
  q: string,
): { tiles: WallTile<WallTileService>[]; totals: StatusTotals | undefined } {
  return useMemo(() => (services ? wallScreen(services, { tag, status, q }) : { tiles: [], totals: undefined }), [services, tag, status, q]);
}
