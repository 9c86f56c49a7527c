"use client";

import type { Freshness } from "@/components/health/freshness";
import { shortDuration } from "@/lib/wall/tiles";

/** Full width, blinking, in words: the wall is not live, why, since when, and that tiles are stale. */
export function WallBanner({ fresh, nowMs }: { fresh: Freshness; nowMs: number }) {
  if (fresh.live) return null;
  const p = fresh.problem;
  const since = p && nowMs > 0 ? ` for ${shortDuration(nowMs - Date.parse(p.since))}` : "";
  return (
    <div role="alert" aria-label="Wall freshness" className="wall-banner px-6 py-3 text-center">
      <p className="text-[clamp(20px,2.4vw,64px)] font-extrabold leading-tight">
        <span aria-hidden="true">⚠ </span>
        {p?.title ?? "Not live"}
        {since}
      </p>
      <p className="text-[clamp(14px,1.2vw,32px)] font-semibold">
        STALE: the tiles show the last known state and may be wrong.
        {p?.detail ? ` ${p.detail}` : ""}
      </p>
    </div>
  );
}
