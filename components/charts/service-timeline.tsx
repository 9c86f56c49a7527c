"use client";

import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StatusPoint } from "@/lib/api/history";
import { SERVICE_STATUSES, type ServiceStatus } from "@/lib/api/overview";
import { fullTimeLabel, timeLabel, timeTicks } from "./format";
import { HistoryPanel } from "./history-panel";
import { thinSteps } from "./steps";
import { useHistory } from "./use-history";

/** Chart level of each status (up is worse): its place in the healthiest-first list. */
const NAMES = SERVICE_STATUSES;

const NO_POINTS: StatusPoint[] = [];

/** Minutes spent in each status: the chart's summary in words. */
function minutesByStatus(points: StatusPoint[]): Record<ServiceStatus, number> {
  const out: Record<ServiceStatus, number> = { OK: 0, DEGRADED: 0, DOWN: 0 };
  for (const p of points) out[p.status] += 1;
  return out;
}

/** One service's worst status per minute over the last 24 h, as a step line (up is worse). */
export function ServiceTimeline({ dc, name }: { dc: string | undefined; name: string }) {
  const { data, error, refetch } = useHistory(dc, name);
  const points = data?.service?.points ?? NO_POINTS;
  // Memoised: the page around the chart re-renders on every live change (see StatusCountsChart).
  const drawn = useMemo(
    () =>
      thinSteps(
        points.map((p) => ({ t: p.t, level: NAMES.indexOf(p.status) })),
        (a, b) => a.level > b.level,
      ),
    [points],
  );
  const rows = drawn.points;
  const ticks = useMemo(() => timeTicks(rows[0]?.t ?? NaN, rows.at(-1)?.t ?? NaN), [rows]);
  const mins = useMemo(() => minutesByStatus(points), [points]);
  return (
    <HistoryPanel label="Status history" title={`Status history (last 24 h, worst status per ${drawn.minutes === 1 ? "minute" : `${drawn.minutes} minutes`})`} count={points.length} loaded={Boolean(data)} error={error} onRetry={() => void refetch()}>
      <>
        <p className="text-xs text-muted" data-testid="status-minutes">
          {mins.DOWN} min DOWN · {mins.DEGRADED} min DEGRADED · {mins.OK} min OK
        </p>
        <div className="h-32">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 24 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--line-strong)" />
              <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} ticks={ticks} tickFormatter={timeLabel} fontSize={11} tick={{ fill: "var(--muted)" }} />
              <YAxis domain={[0, 2]} ticks={[0, 1, 2]} tickFormatter={(v: number) => NAMES[v] ?? ""} fontSize={11} tick={{ fill: "var(--muted)" }} />
              <Tooltip contentStyle={{ background: "var(--surface)", borderColor: "var(--line-strong)", color: "var(--fg)" }} labelFormatter={(t) => fullTimeLabel(Number(t))} formatter={(v) => [NAMES[Number(v)] ?? "", "status"]} />
              <Line type="stepAfter" dataKey="level" stroke="var(--status-down)" strokeWidth={2} dot={rows.length < 20} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </>
    </HistoryPanel>
  );
}
