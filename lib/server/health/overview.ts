import "server-only";
import type { Overview } from "@/lib/api/overview";
import { compareByProblemFirst } from "@/lib/health/rollup";
import { DomainError } from "../errors";
import { getConsulClient } from "../consul";
import { toSummary } from "../watch/diff";
import { getWatchRegistry } from "../wiring";

/**
 * One datacenter's services with healthy/total and status, problems first, from the
 * shared watch (as the live stream's snapshot is): a request costs Consul nothing, and
 * no request reads the whole instance list. Fails with the watch's own message when it
 * has no data within the Consul deadline.
 */
export async function getOverview(dc?: string): Promise<Overview> {
  const lease = getWatchRegistry().acquire(dc);
  try {
    const { watch } = lease;
    if (!(await watch.waitForData(getConsulClient().timeoutMs))) {
      const s = watch.state;
      const kind = s.status === "forbidden" ? "forbidden" : "unreachable";
      throw new DomainError(kind, s.message ?? "Consul has not answered the dashboard's health watch yet; try again in a moment.");
    }
    const services = watch
      .services()
      .map((e) => toSummary(e.detail))
      .sort(compareByProblemFirst);
    const totals = { services: services.length, OK: 0, DEGRADED: 0, DOWN: 0 };
    for (const s of services) totals[s.status]++;
    return {
      datacenter: dc ?? null,
      fetchedAt: watch.state.lastUpdate ?? new Date().toISOString(),
      knownLeader: watch.state.status === "no-leader" ? false : true,
      lastContactMs: watch.state.lastContactMs,
      source: watch.state.source ?? "ui-nodes",
      totals,
      services: services.map(({ name, tags, healthy, total, status, inMaintenance, failingChecks }) => ({
        name,
        tags,
        healthy,
        total,
        status,
        inMaintenance,
        failingChecks,
      })),
    };
  } finally {
    lease.release();
  }
}
