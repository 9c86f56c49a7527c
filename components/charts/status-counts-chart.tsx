"use client";

import { useMemo } from "react";
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CountPoint } from "@/lib/api/history";
import type { ServiceStatus } from "@/lib/api/overview";
import { fullTimeLabel, timeLabel, timeTicks } from "./format";
import { HistoryPanel } from "./history-panel";
import { thinSteps } from "./steps";
import { useHistory } from "./use-history";

const SERIES = [
  { key: "DOWN", color: "var(--status-down)" },
  { key: "DEGRADED", color: "var(--status-degraded)" },
  { key: "OK", color: "var(--status-ok)" },
] as const satisfies readonly { key: ServiceStatus; color: string }[];

const NO_COUNTS: CountPoint[] = [];

/** More services DOWN, or as many DOWN and more DEGRADED. */
const worse = (a: CountPoint, b: CountPoint) => a.DOWN > b.DOWN || (a.DOWN === b.DOWN && a.DEGRADED > b.DEGRADED);

/** OK, DEGRADED and DOWN service counts of the datacenter over the last 24 h, per minute (the worst of a few when the day is full). */
export function StatusCountsChart({ dc }: { dc: string | undefined }) {
  const { data, error, refetch } = useHistory(dc);
  const points = data?.totals ?? NO_COUNTS;
  const last = points.at(-1);
  // Memoised: the page around the chart re-renders on every live change, and new arrays make
  // recharts compute the whole chart again.
  const drawn = useMemo(() => thinSteps(points, worse), [points]);
  const ticks = useMemo(() => timeTicks(drawn.points[0]?.t ?? NaN, drawn.points.at(-1)?.t ?? NaN), [drawn]);
  return (
    <HistoryPanel label="Health history" title={`Health history (last 24 h, ${drawn.minutes === 1 ? "per minute" : `worst of every ${drawn.minutes} min`})`} count={points.length} loaded={Boolean(data)} error={error} onRetry={() => void refetch()}>
      <>
        <p className="sr-only">
          {points.length} minutes recorded; latest: {last?.OK} OK, {last?.DEGRADED} DEGRADED, {last?.DOWN} DOWN.
        </p>
        <div className="h-44">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={drawn.points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--line-strong)" />
              <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} ticks={ticks} tickFormatter={timeLabel} fontSize={11} tick={{ fill: "var(--muted)" }} />
              <YAxis allowDecimals={false} fontSize={11} tick={{ fill: "var(--muted)" }} />
              <Tooltip contentStyle={{ background: "var(--surface)", borderColor: "var(--line-strong)", color: "var(--fg)" }} labelFormatter={(t) => fullTimeLabel(Number(t))} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {SERIES.map((s) => (
                <Area
                  key={s.key}
                  type="stepAfter"
                  dataKey={s.key}
                  stackId="1"
                  stroke={s.color}
                  fill={s.color}
                  fillOpacity={0.5}
                  dot={drawn.points.length < 20}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        </div>
      </>
    </HistoryPanel>
  );
}
