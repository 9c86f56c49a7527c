"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useLayoutEffect, useRef, useState } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { useMediaQuery } from "@/components/ui/use-media-query";
import type { LiveSummary } from "@/lib/api/live";

const ROW_HEIGHT = 52;
/** On narrow screens a row is a compact card: name and status, counts and time, failing checks. */
const CARD_HEIGHT = 92;
// Narrow: a 2-column card. From sm: a table; tags only from xl, where there is room.
const GRID =
  "grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 px-3 py-2 sm:items-center sm:gap-2 sm:py-0 " +
  "sm:grid-cols-[minmax(8rem,2fr)_7.5rem_5.5rem_6.5rem_minmax(6rem,2fr)] " +
  "xl:grid-cols-[minmax(10rem,2fr)_8rem_6rem_7rem_minmax(8rem,2fr)_minmax(6rem,1.5fr)]";

/**
 * Services as an ARIA table, virtualised against the window: only rows near the
 * viewport are in the DOM, so 5,000 services render and filter instantly.
 */
export function ServiceList({ services, dc, stale }: { services: LiveSummary[]; dc: string | undefined; stale: boolean }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  const wide = useMediaQuery("(min-width: 640px)", true);
  const rowHeight = wide ? ROW_HEIGHT : CARD_HEIGHT;
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0), [wide]);
  const virtualizer = useWindowVirtualizer({
    count: services.length,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin: offset,
    // Rows for a tall screen before the window is measured, so the server's HTML carries the first screen.
    initialRect: { width: 1280, height: 1600 },
    // Stable identity across re-sorts, so rows do not remount on every live change.
    getItemKey: (i) => services[i]?.name ?? i,
  });
  const [prevHeight, setPrevHeight] = useState(rowHeight);
  if (prevHeight !== rowHeight) {
    setPrevHeight(rowHeight);
    virtualizer.measure();
  }
  const dcQuery = dc ? `?dc=${encodeURIComponent(dc)}` : "";

  return (
    <div role="table" aria-label="Services" aria-rowcount={services.length + 1} data-stale={stale} className={`text-sm ${stale ? "opacity-60" : ""}`}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${GRID} max-sm:sr-only border-b border-line-strong py-2 text-left text-muted`}>
          <span role="columnheader">Service</span>
          <span role="columnheader">Status</span>
          <span role="columnheader">Healthy / total</span>
          <span role="columnheader">In status for</span>
          <span role="columnheader">Failing checks</span>
          <span role="columnheader" className="max-xl:hidden">
            Tags
          </span>
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
              className={`${GRID} absolute left-0 w-full overflow-hidden border-b border-line bg-surface max-sm:rounded max-sm:border max-sm:border-line-strong`}
              style={{ height: rowHeight - (wide ? 0 : 6), transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <span role="rowheader" className="truncate font-medium">
                {/* No prefetch: every row scrolled into view would cost the server a render of a dynamic page. */}
                <Link prefetch={false} className="text-link underline-offset-2 hover:underline sm:text-fg" href={`/services/${encodeURIComponent(s.name)}${dcQuery}`}>
                  {s.name}
                </Link>
              </span>
              <span role="cell" className="justify-self-end sm:justify-self-auto">
                <StatusBadge status={s.status} />
              </span>
              <span role="cell" className="tabular-nums">
                <span data-testid="healthy-total">
                  {s.healthy}/{s.total}
                </span>
                <span className="text-muted sm:hidden"> healthy</span>
              </span>
              <span role="cell" className="justify-self-end text-muted sm:justify-self-auto">
                <span className="sm:hidden">for </span>
                <span data-testid="since">
                  <RelativeTime iso={s.since} suffix="" prefix={s.sinceExact ? "" : "≥ "} />
                </span>
              </span>
              <span role="cell" className="col-span-2 truncate text-fg-soft sm:col-span-1" title={s.failingChecks.join(", ")}>
                {s.failingChecks.length > 0 && <span className="text-muted sm:hidden">Failing: </span>}
                {s.failingChecks.join(", ")}
                {s.inMaintenance > 0 && <span className="ml-1 text-status-maintenance">({s.inMaintenance} in maintenance)</span>}
              </span>
              <span role="cell" className="truncate text-muted max-xl:hidden" title={s.tags.join(", ")}>
                {s.tags.join(", ")}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
