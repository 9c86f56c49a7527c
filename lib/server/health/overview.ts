import "server-only";
import type { Overview } from "@/lib/api/overview";
import { compareByProblemFirst, rollup, statusTotals } from "@/lib/health/rollup";
import { toServiceSummary } from "@/lib/health/summary";
import { readHealthInputs } from "../consul/health";
import { getConsulClient } from "../consul";

/** One datacenter's services with healthy/total and status, problems first. */
export async function getOverview(dc?: string, signal?: AbortSignal): Promise<Overview> {
  const { data, meta } = await readHealthInputs(getConsulClient(), { dc, signal });
  const services = rollup(data.instances, data.checks).sort(compareByProblemFirst);
  return {
    datacenter: dc ?? null,
    fetchedAt: new Date().toISOString(),
    knownLeader: meta.knownLeader,
    lastContactMs: meta.lastContactMs,
    source: data.source,
    totals: statusTotals(services),
    services: services.map(toServiceSummary),
  };
}
