"use client";

import { useMemo, useRef } from "react";
import type { WallTileService } from "@/lib/wall/first-screen";
import { computeGrid } from "@/lib/wall/grid";
import type { StatusTracker } from "@/lib/wall/pulse";
import type { WallTile as Tile } from "@/lib/wall/tiles";
import { useElementSize } from "./use-element-size";
import { FoldedTile, WallTile } from "./wall-tile";

/** Every tile placed explicitly by the pure grid function, so all of them fit the area it measures. */
export function WallGrid({
  tiles,
  stale,
  tracker,
  nowMs,
}: {
  tiles: Tile<WallTileService>[];
  stale: boolean;
  tracker: StatusTracker;
  nowMs: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  // Problems get double tiles (when they fit): readable from across the room.
  const shape = useMemo(() => tiles.map((t) => ({ big: t.kind === "service" && t.service.status !== "OK" })), [tiles]);
  const grid = useMemo(() => computeGrid({ width, height, tiles: shape }), [width, height, shape]);

  return (
    <div ref={ref} role="list" aria-label="Services" className="relative min-h-0 flex-1" data-columns={grid.columns} data-rows={grid.rows}>
      {width > 0 &&
        tiles.map((t, i) => {
          const p = grid.placements[i];
          if (!p) return null;
          const style = {
            left: p.col * (grid.cellWidth + grid.gap),
            top: p.row * (grid.cellHeight + grid.gap),
            width: p.span * grid.cellWidth + (p.span - 1) * grid.gap,
            height: p.span * grid.cellHeight + (p.span - 1) * grid.gap,
            fontSize: grid.fontPx * p.span,
          };
          return t.kind === "folded" ? (
            <FoldedTile key="folded" count={t.count} style={style} stale={stale} />
          ) : (
            <WallTile
              key={t.service.name}
              service={t.service}
              style={style}
              stale={stale}
              pulse={tracker.pulsing(t.service.name, nowMs)}
              nowMs={nowMs}
            />
          );
        })}
    </div>
  );
}
