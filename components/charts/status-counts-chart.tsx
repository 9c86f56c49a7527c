"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ServiceStatus } from "@/lib/api/overview";
import { fullTimeLabel, timeLabel } from "./format";
import { HistoryPanel } from "./history-panel";
import { useHistory } from "./use-history";

const SERIES = [
  { key: "DOWN", color: "var(--status-down)" },
  { key: "DEGRADED", color: "var(--status-degraded)" },
  { key: "OK", color: "var(--status-ok)" },
] as const satisfies readonly { key: ServiceStatus; color: string }[];

/** OK, DEGRADED and DOWN service counts of the datacenter over the last 24 h, one point per minute. */
export function StatusCountsChart({ dc }: { dc: string | undefined }) {
  const { data, error, refetch } = useHistory(dc);
  const points = data?.totals ?? [];
  const last = points.at(-1);
  return (
    <HistoryPanel label="Health history" title="Health history (last 24 h, per minute)" count={points.length} loaded={Boolean(data)} error={error} onRetry={() => void refetch()}>
      <>
        <p className="sr-only">
          {points.length} minutes recorded; latest: {last?.OK} OK, {last?.DEGRADED} DEGRADED, {last?.DOWN} DOWN.
        </p>
        <div className="h-44">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--line-strong)" />
              <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={timeLabel} fontSize={11} tick={{ fill: "var(--muted)" }} />
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
                  dot={points.length < 20}
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
