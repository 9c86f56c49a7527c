"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import type { WatchState } from "@/lib/api/live";
import type { Freshness } from "./freshness";

/** Says plainly whether the screen is live; when not, which failure, since when, and that data is stale. */
export function FreshnessBanner({ fresh, watch }: { fresh: Freshness; watch: WatchState | undefined }) {
  if (fresh.live) {
    return (
      <p role="status" aria-label="Freshness" className="flex items-center gap-2 text-sm text-status-ok">
        <span aria-hidden="true">●</span>
        <span className="font-semibold">Live</span>
        <span className="text-muted">· changes in Consul appear here as they happen</span>
      </p>
    );
  }
  const p = fresh.problem;
  return (
    <div role="alert" aria-label="Freshness" className="rounded border border-status-down bg-danger-soft p-3 text-sm text-status-down">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {p?.title} <span className="font-normal">(since <RelativeTime iso={p?.since ?? new Date().toISOString()} suffix=" ago" />)</span>
      </p>
      {p?.detail && <p className="mt-1 whitespace-pre-wrap break-words text-fg">{p.detail}</p>}
      <p className="mt-1 text-fg">
        <strong>STALE:</strong> the data below is not live
        {watch?.lastUpdate ? (
          <>
            {" "}(last good answer from Consul <RelativeTime iso={watch.lastUpdate} />)
          </>
        ) : null}
        .
      </p>
    </div>
  );
}
