"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, useReducer, useState } from "react";
import { clusterWarning, useClusterHealth } from "@/components/estate/use-cluster-health";
import { freshness } from "@/components/health/freshness";
import { useConnection, useHeard, useOverviewData, useWatchState } from "@/components/health/use-live-queries";
import { useLiveStream } from "@/components/health/use-live-stream";
import { useNow } from "@/components/ui/use-now";
import type { WallFirstScreen } from "@/lib/wall/first-screen";
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

/**
 * How long the server's first screen may stand in, not flagged stale, while the live stream
 * connects (normally well under a second or two). Past it, or as soon as the stream fails, the
 * usual freshness rules apply: the wall says it is not live.
 */
const FIRST_SCREEN_GRACE_MS = 5_000;

/**
 * The ops-room wall: every service as a tile, problems first, fed by the overview's live stream.
 * `initial` is the server's first screen (from its warm watch), so the totals are in the HTML
 * and the tiles appear as soon as the grid is measured; it shows until the stream's snapshot.
 */
export function WallView({ buildId, localDc, initial }: { buildId: string; localDc: string | undefined; initial?: WallFirstScreen }) {
  const params = parseWallParams(useSearchParams());
  const now = useNow();
  const dc = currentDatacenter(params, now);
  // The server builds it for the link's datacenter only, never for a rotating wall.
  const first = params.rotate.length === 0 ? initial : undefined;
  // When this wall first rendered in the browser (on the server, its time: unused there, as `now` is 0).
  const [startedAt] = useState(() => Date.now());

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

  const streamed = useWallTiles(data ? services : undefined, params.tag, params.status, params.q);
  // Until the stream's snapshot, the server's first screen stands in.
  const { tiles, totals } = data || !first ? streamed : first;

  // The server's first screen, read from a live watch, is not flagged stale merely because the
  // stream has not connected yet: not before the browser runs (the HTML), then for a few seconds.
  // A failing stream, or one still silent past that, makes the wall say it is not live as ever.
  const early = !data && first?.live === true && conn?.status !== "dropped" && (now === 0 || now - startedAt < FIRST_SCREEN_GRACE_MS);

  // While Consul is failing the stream still beats: "updated" is then the last good answer from Consul.
  const updatedAt = early
    ? Date.parse(first.at)
    : watch && watch.status !== "live"
      ? watch.lastUpdate
        ? Date.parse(watch.lastUpdate)
        : undefined
      : heardAt;

  const shift = pixelShift(now);
  const next =
    params.rotate.length > 1 && now > 0
      ? { dc: currentDatacenter(params, now + params.everyMs) ?? "", inMs: params.everyMs - (now % params.everyMs) }
      : undefined;
  const dcLabel = dc ?? localDc ?? "Local datacenter";
  useTabStatus("Wall", dc ?? localDc, data || first ? totals : undefined);

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
        {/* In the HTML the banner is there but held back (CSS): should no script ever take over, it shows anyway. */}
        {(!early || now === 0) && <WallBanner fresh={fresh} nowMs={now} deferred={early} />}
        <WallHeader
          dcLabel={dcLabel}
          totals={totals}
          nowMs={now}
          updatedAt={updatedAt}
          live={fresh.live || early}
          nextRotation={next}
          notes={[...(serversWarning ? [serversWarning] : []), ...params.warnings, ...(params.sound && alarms.length ? [`🔔 new DOWN: ${alarms.join(", ")} (click to acknowledge)`] : [])]}
        />
        {(data || first) && tiles.length === 0 ? (
          <p className="flex-1 p-8 text-[clamp(20px,2vw,60px)] text-[var(--wall-muted)]">
            {(data ? services.length === 0 : !params.tag && !params.status && !params.q)
              ? "No services are registered in this datacenter."
              : "No services match this wall's filters."}
          </p>
        ) : (
          <WallGrid tiles={tiles} stale={!fresh.live && !early} tracker={tracker} nowMs={now} />
        )}
        <TransitionStrip transitions={data?.transitions ?? []} nowMs={now} />
      </div>
    </div>
  );
}
