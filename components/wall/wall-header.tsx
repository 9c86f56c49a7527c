"use client";

import type { StatusTotals } from "@/lib/health/rollup";
import { shortDuration } from "@/lib/wall/tiles";

function clock(nowMs: number): string {
  if (nowMs === 0) return "--:--:--";
  return new Date(nowMs).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
}

/** Datacenter, totals, a clock and how long ago the data was last confirmed. */
export function WallHeader({
  dcLabel,
  totals,
  nowMs,
  updatedAt,
  live,
  nextRotation,
  notes,
}: {
  dcLabel: string;
  totals: StatusTotals | undefined;
  nowMs: number;
  updatedAt: number | undefined;
  live: boolean;
  nextRotation: { dc: string; inMs: number } | undefined;
  notes: string[];
}) {
  return (
    <header className="flex items-center gap-6 px-3 py-1 text-[clamp(16px,1.3vw,40px)]">
      <h1 className="font-extrabold" data-testid="wall-dc">
        {dcLabel}
      </h1>
      <p aria-label="Totals" className="flex gap-4 font-semibold">
        {totals ? (
          <>
            <span data-testid="wall-total-down">■ {totals.DOWN} DOWN</span>
            <span data-testid="wall-total-degraded">▲ {totals.DEGRADED} DEGRADED</span>
            <span data-testid="wall-total-ok">● {totals.OK} OK</span>
          </>
        ) : (
          "Loading…"
        )}
      </p>
      {nextRotation && (
        <p className="text-[var(--wall-muted)]">
          next: {nextRotation.dc} in {shortDuration(nextRotation.inMs)}
        </p>
      )}
      {notes.map((n) => (
        <p key={n} className="text-[0.7em] text-[var(--wall-muted)]">
          {n}
        </p>
      ))}
      <div className="ml-auto flex items-baseline gap-4">
        <p aria-label="Updated" data-live={live ? "true" : "false"} className={live ? "text-[var(--wall-muted)]" : "font-bold text-[var(--wall-alert-fg)]"}>
          {updatedAt && nowMs > 0 ? `updated ${shortDuration(nowMs - updatedAt)} ago` : "no update yet"}
        </p>
        <time aria-label="Clock" className="font-mono text-[1.3em] font-bold tabular-nums" suppressHydrationWarning>
          {clock(nowMs)}
        </time>
      </div>
    </header>
  );
}
