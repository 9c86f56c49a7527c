"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useLayoutEffect, useRef, useState } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { LiveSummary } from "@/lib/api/live";

const ROW_HEIGHT = 52;
const GRID = "grid grid-cols-[minmax(10rem,2fr)_8rem_6rem_7rem_minmax(8rem,2fr)_minmax(6rem,1.5fr)] items-center gap-2 px-3";

/**
 * Services as an ARIA table, virtualised against the window: only rows near the
 * viewport are in the DOM, so 5,000 services render and filter instantly.
 */
export function ServiceList({ services, dc, stale }: { services: LiveSummary[]; dc: string | undefined; stale: boolean }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0), []);
  const virtualizer = useWindowVirtualizer({
    count: services.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: offset,
    // Rows for a tall screen before the window is measured, so the server's HTML carries the first screen.
    initialRect: { width: 1280, height: 1600 },
    // Stable identity across re-sorts, so rows do not remount on every live change.
    getItemKey: (i) => services[i]?.name ?? i,
  });
  const dcQuery = dc ? `?dc=${encodeURIComponent(dc)}` : "";

  return (
    <div role="table" aria-label="Services" aria-rowcount={services.length + 1} data-stale={stale} className={`text-sm ${stale ? "opacity-60" : ""}`}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${GRID} border-b border-slate-300 py-2 text-left text-slate-600`}>
          <span role="columnheader">Service</span>
          <span role="columnheader">Status</span>
          <span role="columnheader">Healthy / total</span>
          <span role="columnheader">In status for</span>
          <span role="columnheader">Failing checks</span>
          <span role="columnheader">Tags</span>
        </div>
      </div>
      <div role="rowgroup" ref={listRef} style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const s = services[item.index];
          if (!s) return null;
          return (
            <div
              role="row"
              aria-rowindex={item.index + 2}
              key={item.key}
              data-service={s.name}
              className={`${GRID} absolute left-0 w-full border-b border-slate-200 bg-white`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <span role="rowheader" className="truncate font-medium">
                <Link className="underline-offset-2 hover:underline" href={`/services/${encodeURIComponent(s.name)}${dcQuery}`}>
                  {s.name}
                </Link>
              </span>
              <span role="cell">
                <StatusBadge status={s.status} />
              </span>
              <span role="cell" className="tabular-nums" data-testid="healthy-total">
                {s.healthy}/{s.total}
              </span>
              <span role="cell" className="text-slate-600" data-testid="since">
                <RelativeTime iso={s.since} suffix="" prefix={s.sinceExact ? "" : "≥ "} />
              </span>
              <span role="cell" className="truncate text-slate-700" title={s.failingChecks.join(", ")}>
                {s.failingChecks.join(", ")}
                {s.inMaintenance > 0 && <span className="ml-1 text-status-maintenance">({s.inMaintenance} in maintenance)</span>}
              </span>
              <span role="cell" className="truncate text-slate-600" title={s.tags.join(", ")}>
                {s.tags.join(", ")}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
