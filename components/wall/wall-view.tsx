"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, useReducer, useState } from "react";
import { clusterWarning, useClusterHealth } from "@/components/estate/use-cluster-health";
import { freshness } from "@/components/health/freshness";
import { useConnection, useHeard, useOverviewData, useWatchState } from "@/components/health/use-live-queries";
import { useLiveStream } from "@/components/health/use-live-stream";
import { useNow } from "@/components/ui/use-now";
import { currentDatacenter, parseWallParams, pixelShift } from "@/lib/wall/params";
import { StatusTracker } from "@/lib/wall/pulse";
import { TransitionStrip } from "./transition-strip";
import { useAlarm } from "./use-alarm";
import { useVersionReload } from "./use-version-reload";
import { useWallTiles } from "./use-wall-tiles";
import { useTabStatus } from "@/components/shell/use-tab-status";
import { WallBanner } from "./wall-banner";
import { WallGrid } from "./wall-grid";
import { WallHeader } from "./wall-header";

/** The ops-room wall: every service as a tile, problems first, fed by the overview's live stream. */
export function WallView({ buildId, localDc }: { buildId: string; localDc: string | undefined }) {
  const params = parseWallParams(useSearchParams());
  const now = useNow();
  const dc = currentDatacenter(params, now);

  useLiveStream(dc, { kind: "overview" });
  const data = useOverviewData(dc);
  const watch = useWatchState(dc);
  const conn = useConnection(dc, "overview");
  const heardAt = useHeard(dc, "overview");
  useVersionReload(buildId, conn?.status === "open");
  const serversWarning = clusterWarning(useClusterHealth(dc));

  // While rotating, a datacenter's cached data is only live once its stream spoke after the switch.
  const shownSince = params.rotate.length ? Math.floor(now / params.everyMs) * params.everyMs : 0;
  const base = freshness(conn, watch);
  const fresh =
    base.live && params.rotate.length && (heardAt ?? 0) < shownSince
      ? { live: false, problem: { title: `Switching to ${dc ?? "the local datacenter"}…`, since: new Date(shownSince).toISOString(), detail: null } }
      : base;

  // One tracker per datacenter, so rotating is never mistaken for status changes.
  const [trackers] = useState(() => new Map<string, StatusTracker>());
  const [, acknowledged] = useReducer((n: number) => n + 1, 0);
  let tracker = trackers.get(dc ?? "");
  if (!tracker) {
    tracker = new StatusTracker();
    trackers.set(dc ?? "", tracker);
  }
  const services = useMemo(() => Object.values(data?.services ?? {}), [data]);
  // Idempotent for the same data (see StatusTracker.observe), so safe during render.
  if (data && now > 0) tracker.observe(services, now);
  const alarms = tracker.alarms();
  const alarm = useAlarm(params.sound, alarms.length > 0);

  const { tiles, totals } = useWallTiles(data ? services : undefined, params.tag, params.status, params.q);

  // While Consul is failing the stream still beats: "updated" is then the last good answer from Consul.
  const updatedAt = watch && watch.status !== "live" ? (watch.lastUpdate ? Date.parse(watch.lastUpdate) : undefined) : heardAt;

  const shift = pixelShift(now);
  const next =
    params.rotate.length > 1 && now > 0
      ? { dc: currentDatacenter(params, now + params.everyMs) ?? "", inMs: params.everyMs - (now % params.everyMs) }
      : undefined;
  const dcLabel = dc ?? localDc ?? "Local datacenter";
  useTabStatus("Wall", dc ?? localDc, data ? totals : undefined);

  return (
    <div
      className="wall"
      data-theme={params.theme}
      data-testid="wall"
      data-live={fresh.live ? "true" : "false"}
      onClick={() => {
        alarm.unlock();
        tracker.acknowledge();
        acknowledged();
      }}
    >
      <div
        className="absolute inset-2 flex flex-col gap-2"
        data-testid="wall-shift"
        style={{ transform: `translate(${shift.x}px, ${shift.y}px)`, transition: "transform 2s ease-in-out" }}
      >
        <WallBanner fresh={fresh} nowMs={now} />
        <WallHeader
          dcLabel={dcLabel}
          totals={totals}
          nowMs={now}
          updatedAt={updatedAt}
          live={fresh.live}
          nextRotation={next}
          notes={[...(serversWarning ? [serversWarning] : []), ...params.warnings, ...(params.sound && alarms.length ? [`🔔 new DOWN: ${alarms.join(", ")} (click to acknowledge)`] : [])]}
        />
        {data && tiles.length === 0 ? (
          <p className="flex-1 p-8 text-[clamp(20px,2vw,60px)] text-[var(--wall-muted)]">
            {services.length === 0 ? "No services are registered in this datacenter." : "No services match this wall's filters."}
          </p>
        ) : (
          <WallGrid tiles={tiles} stale={!fresh.live} tracker={tracker} nowMs={now} />
        )}
        <TransitionStrip transitions={data?.transitions ?? []} nowMs={now} />
      </div>
    </div>
  );
}
