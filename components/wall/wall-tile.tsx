"use client";

import type { CSSProperties } from "react";
import type { ServiceStatus } from "@/lib/api/overview";
import type { WallTileService } from "@/lib/wall/first-screen";
import { fitName, shortDuration } from "@/lib/wall/tiles";

const ICON: Record<ServiceStatus, string> = { OK: "●", DEGRADED: "▲", DOWN: "■" };

/** A bold glyph is up to about 0.78 em wide (measured in Chromium's default sans); padding 0.9 em, borders 4 px. */
const GLYPH_EM = 0.78;
const PADDING_EM = 0.9;
const BORDERS_PX = 4;
const MIN_SCALE = 0.55;

/**
 * Long names first shrink (down to 55 %), then lose their middle, so the whole tile
 * still tells services apart: on a wall the name matters more than a uniform size.
 */
function fittedName(name: string, style: CSSProperties): { text: string; scale: number } {
  const width = typeof style.width === "number" ? style.width : 0;
  const font = typeof style.fontSize === "number" ? style.fontSize : 0;
  if (!width || !font) return { text: name, scale: 1 };
  const room = width - font * PADDING_EM - BORDERS_PX;
  const length = Math.max(1, [...name].length);
  const scale = Math.max(MIN_SCALE, Math.min(1, room / (GLYPH_EM * font * length)));
  return { text: fitName(name, Math.floor(room / (GLYPH_EM * font * scale))), scale };
}

/** One service: name, status by colour, icon and word, healthy/total; problems also say for how long. */
export function WallTile({
  service: s,
  style,
  pulse,
  stale,
  nowMs,
}: {
  service: WallTileService;
  style: CSSProperties;
  pulse: boolean;
  stale: boolean;
  nowMs: number;
}) {
  const problem = s.status !== "OK";
  const name = fittedName(s.name, style);
  const forMs = nowMs - Date.parse(s.since);
  // Before hydration there is no clock: leave the duration out rather than show a wrong one.
  const duration = nowMs > 0 ? `${s.sinceExact ? "" : "≥"}${shortDuration(forMs)}` : "";
  return (
    <div
      role="listitem"
      aria-label={`${s.name}: ${s.status}, ${s.healthy}/${s.total} healthy${problem && duration ? `, for ${duration}` : ""}`}
      className="wall-tile"
      data-service={s.name}
      data-status={s.status}
      data-pulse={pulse ? "true" : "false"}
      data-stale={stale ? "true" : "false"}
      style={style}
      title={s.name}
    >
      <div className="wall-tile-name" style={{ fontSize: `${name.scale}em` }}>
        {name.text}
      </div>
      <div className="wall-tile-status">
        <span aria-hidden="true">{ICON[s.status]}</span>
        <span>{s.status}</span>
        {problem && <span data-testid="tile-since">{duration}</span>}
        <span className="wall-tile-count" data-testid="tile-count">
          {s.healthy}/{s.total}
        </span>
      </div>
    </div>
  );
}

/** Beyond 200 services the OK ones fold into this one tile; every problem keeps its own. */
export function FoldedTile({ count, style, stale }: { count: number; style: CSSProperties; stale: boolean }) {
  return (
    <div
      role="listitem"
      aria-label={`${count} more services OK`}
      className="wall-tile"
      data-kind="folded"
      data-stale={stale ? "true" : "false"}
      style={style}
    >
      <div className="wall-tile-name">
        <span aria-hidden="true">● </span>
        {count} OK
      </div>
      <div className="wall-tile-status">all healthy</div>
    </div>
  );
}
