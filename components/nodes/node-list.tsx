"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useLayoutEffect, useRef, useState } from "react";
import { StateBadge } from "@/components/ui/state-badge";
import type { NodeSummary } from "@/lib/api/nodes";

const ROW_HEIGHT = 52;
// Narrow screens keep what says "is this machine in trouble": name, node checks, unhealthy count.
const GRID =
  "grid grid-cols-[minmax(0,2fr)_7.5rem_4.5rem] md:grid-cols-[minmax(8rem,2fr)_8rem_minmax(6rem,1fr)_5rem_5rem] xl:grid-cols-[minmax(10rem,2fr)_8rem_minmax(7rem,1fr)_6rem_6rem_minmax(8rem,2fr)_minmax(8rem,3fr)] items-center gap-2 px-3";
const MD = "max-md:hidden";
const XL = "max-xl:hidden";

export function nodeHref(name: string, dc: string | undefined): string {
  return `/nodes/${encodeURIComponent(name)}${dc ? `?dc=${encodeURIComponent(dc)}` : ""}`;
}

/** Nodes as an ARIA table, virtualised against the window like the services overview (5,000 nodes stay fast). */
export function NodeList({ nodes, dc, stale }: { nodes: NodeSummary[]; dc: string | undefined; stale: boolean }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0), []);
  const virtualizer = useWindowVirtualizer({
    count: nodes.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: offset,
    getItemKey: (i) => nodes[i]?.name ?? i,
  });
  const dcQuery = dc ? `?dc=${encodeURIComponent(dc)}` : "";
  return (
    <div role="table" aria-label="Nodes" aria-rowcount={nodes.length + 1} data-stale={stale} className={`text-sm ${stale ? "opacity-60" : ""}`}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${GRID} border-b border-line-strong py-2 text-left text-muted`}>
          <span role="columnheader">Node</span>
          <span role="columnheader">Node checks</span>
          <span role="columnheader" className={MD}>Address</span>
          <span role="columnheader" className={MD}>Instances</span>
          <span role="columnheader">Unhealthy</span>
          <span role="columnheader" className={XL}>Failing node checks</span>
          <span role="columnheader" className={XL}>Services</span>
        </div>
      </div>
      <div role="rowgroup" ref={listRef} style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const n = nodes[item.index];
          if (!n) return null;
          return (
            <div
              role="row"
              aria-rowindex={item.index + 2}
              key={item.key}
              data-node={n.name}
              className={`${GRID} absolute left-0 w-full border-b border-line bg-surface`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <span role="rowheader" className="truncate font-medium">
                {/* No prefetch: every row scrolled into view would cost the server a render of a dynamic page. */}
                <Link prefetch={false} className="underline-offset-2 hover:underline" href={nodeHref(n.name, dc)}>
                  {n.name}
                </Link>
              </span>
              <span role="cell">
                <StateBadge state={n.status} />
              </span>
              <span role="cell" className={`truncate font-mono text-xs ${MD}`}>
                {n.address || "—"}
              </span>
              <span role="cell" className={`tabular-nums ${MD}`} data-testid="node-instances">
                {n.instances}
              </span>
              <span role="cell" className={`tabular-nums ${n.unhealthy ? "font-semibold text-status-down" : ""}`} data-testid="node-unhealthy">
                {n.unhealthy}
              </span>
              <span role="cell" className={`truncate text-fg-soft ${XL}`} title={n.failingChecks.join(", ")}>
                {n.failingChecks.join(", ")}
              </span>
              <span role="cell" className={`truncate ${XL}`} title={n.services.join(", ")}>
                {n.services.map((s, i) => (
                  <span key={s}>
                    {i > 0 && ", "}
                    <Link prefetch={false} className="underline-offset-2 hover:underline" href={`/services/${encodeURIComponent(s)}${dcQuery}`}>
                      {s}
                    </Link>
                  </span>
                ))}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
