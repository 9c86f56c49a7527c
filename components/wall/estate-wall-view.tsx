"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useEstate } from "@/components/estate/use-estate";
import { useNow } from "@/components/ui/use-now";
import { statusTotals } from "@/lib/health/rollup";
import { datacenterLine, estateTileServices } from "@/lib/wall/estate-tiles";
import { parseWallParams, pixelShift } from "@/lib/wall/params";
import { StatusTracker } from "@/lib/wall/pulse";
import { wallTiles } from "@/lib/wall/tiles";
import { useVersionReload } from "./use-version-reload";
import { WallBanner } from "./wall-banner";
import { WallGrid } from "./wall-grid";
import { WallHeader } from "./wall-header";

/** `/wall?dc=all`: every datacenter's problems on one screen, tiles labelled with their datacenter, totals per datacenter. */
export function EstateWallView({ buildId }: { buildId: string }) {
  const params = parseWallParams(useSearchParams());
  const now = useNow();
  const { estate, conn } = useEstate();
  useVersionReload(buildId, conn?.status === "open");
  const [tracker] = useState(() => new StatusTracker());
  const services = useMemo(() => estateTileServices(estate?.problems ?? []), [estate]);
  if (estate && now > 0) tracker.observe(services, now);
  const tiles = useMemo(() => wallTiles(services, { tag: params.tag, status: params.status, q: params.q }), [services, params.tag, params.status, params.q]);
  const totals = useMemo(() => {
    if (!estate) return undefined;
    const t = statusTotals([]);
    for (const d of estate.datacenters) {
      t.services += d.totals.services;
      t.OK += d.totals.OK;
      t.DEGRADED += d.totals.DEGRADED;
      t.DOWN += d.totals.DOWN;
    }
    return t;
  }, [estate]);
  const live = conn?.status === "open" && estate !== undefined;
  const fresh = live
    ? { live: true, problem: null }
    : {
        live: false,
        problem: {
          title: conn?.status === "dropped" ? "Live updates lost: the dashboard server is not reachable" : "Connecting to live updates…",
          since: conn?.since ?? new Date(0).toISOString(),
          detail: null,
        },
      };
  const shift = pixelShift(now);
  return (
    <div className="wall" data-theme={params.theme} data-testid="wall" data-live={live ? "true" : "false"} onClick={() => tracker.acknowledge()}>
      <div className="absolute inset-2 flex flex-col gap-2" style={{ transform: `translate(${shift.x}px, ${shift.y}px)`, transition: "transform 2s ease-in-out" }}>
        <WallBanner fresh={fresh} nowMs={now} />
        <WallHeader
          dcLabel="All datacenters"
          totals={totals}
          nowMs={now}
          updatedAt={estate ? Date.parse(estate.at) : undefined}
          live={live}
          nextRotation={undefined}
          notes={params.warnings}
        />
        <ul aria-label="Datacenter totals" className="flex flex-wrap gap-x-6 px-3 text-[clamp(14px,1.1vw,34px)] font-semibold">
          {estate?.datacenters.map((d) => {
            const line = datacenterLine(d);
            return (
              <li key={d.name} data-dc={d.name} data-bad={line.bad ? "true" : "false"} className={line.bad ? "text-[var(--wall-down-bg)]" : "text-[var(--wall-muted)]"}>
                {line.text}
              </li>
            );
          })}
        </ul>
        {estate && tiles.length === 0 ? (
          <p className="flex-1 p-8 text-[clamp(20px,2vw,60px)] text-[var(--wall-muted)]">No service is DOWN or DEGRADED in any datacenter.</p>
        ) : (
          <WallGrid tiles={tiles} stale={!live} tracker={tracker} nowMs={now} />
        )}
      </div>
    </div>
  );
}
