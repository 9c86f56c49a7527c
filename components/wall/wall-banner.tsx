"use client";

import type { Freshness } from "@/components/health/freshness";
import { shortDuration } from "@/lib/wall/tiles";

/**
 * Full width, blinking, in words: the wall is not live, why, since when, and that tiles are stale.
 * `deferred` (the server's first screen, before any script runs): hidden for the first seconds,
 * then shown over the top of the wall, so a page whose scripts never run cannot pass for live.
 */
export function WallBanner({ fresh, nowMs, deferred = false }: { fresh: Freshness; nowMs: number; deferred?: boolean }) {
  if (fresh.live) return null;
  const p = fresh.problem;
  const since = p && nowMs > 0 ? ` for ${shortDuration(nowMs - Date.parse(p.since))}` : "";
  return (
    <div role="alert" aria-label="Wall freshness" className="wall-banner px-6 py-3 text-center" data-deferred={deferred ? "true" : undefined}>
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
