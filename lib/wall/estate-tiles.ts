import type { DatacenterRow, EstateProblem } from "@/lib/api/estate";
import type { LiveSummary } from "@/lib/api/live";

/** A wall tile's service for `?dc=all`: the name carries its datacenter ("dc2 · payments"). */
export function estateTileServices(problems: readonly EstateProblem[]): LiveSummary[] {
  return problems.map(({ dc, ...s }) => ({ ...s, name: `${dc} · ${s.name}` }));
}

/** One datacenter in the `?dc=all` wall header: its totals, or why it shows none. */
export function datacenterLine(d: DatacenterRow): { text: string; bad: boolean } {
  const s = d.state;
  if (s.status === "starting") return { text: `${d.name}: connecting…`, bad: false };
  if (s.status !== "live" && s.status !== "no-leader") return { text: `${d.name}: UNREACHABLE`, bad: true };
  const parts = [`${d.totals.DOWN} DOWN`, `${d.totals.DEGRADED} DEGRADED`, `${d.totals.OK} OK`];
  if (s.status === "no-leader") parts.push("NO LEADER");
  if (d.cluster.status === "unhealthy") parts.push(`servers unhealthy (failure tolerance ${d.cluster.failureTolerance ?? "?"})`);
  return { text: `${d.name}: ${parts.join(" · ")}`, bad: d.totals.DOWN > 0 || s.status === "no-leader" || d.cluster.status === "unhealthy" };
}
