import "server-only";
import type { HealthCheck } from "@/lib/health/types";
import type { BlockingResult, ConsulClient } from "./client";
import { consulPath } from "./paths";
import { toHealthCheck } from "./reshape";
import { ConsulCatalogServices, ConsulHealthChecks, ConsulServiceEntries } from "./schemas";

/** One round of a blocking query on a datacenter: `index` "0" is a first, non-blocking read. */
export interface WatchRound {
  dc: string | undefined;
  index: string;
  waitMs: number;
  signal: AbortSignal;
}

/** Consul's filter expression: only the checks that can make an instance unhealthy. */
export const NOT_PASSING_FILTER = 'Status != "passing"';

/**
 * The non-passing checks of a datacenter (/v1/health/state/any filtered): tiny while
 * all is well, and it returns on every check change.
 */
export async function watchNonPassingChecks(client: ConsulClient, r: WatchRound): Promise<BlockingResult<HealthCheck[]>> {
  const answer = await client.blockingJson(consulPath("health", "state", "any"), ConsulHealthChecks, {
    dc: r.dc,
    stale: true,
    signal: r.signal,
    index: r.index,
    waitMs: r.waitMs,
    query: { filter: NOT_PASSING_FILTER },
  });
  return { ...answer, data: answer.data.map(toHealthCheck) };
}

/** The service names of a datacenter (/v1/catalog/services): its index moves on registrations, not on check updates. */
export function watchServiceNames(client: ConsulClient, r: WatchRound): Promise<BlockingResult<Record<string, string[]>>> {
  return client.blockingJson(consulPath("catalog", "services"), ConsulCatalogServices, {
    dc: r.dc,
    stale: true,
    signal: r.signal,
    index: r.index,
    waitMs: r.waitMs,
  });
}

/** Every check of one service's instances, passing ones and node checks too (/v1/health/service/<name>). */
export async function watchServiceChecks(client: ConsulClient, name: string, r: WatchRound): Promise<BlockingResult<HealthCheck[]>> {
  const answer = await client.blockingJson(consulPath("health", "service", name), ConsulServiceEntries, {
    dc: r.dc,
    stale: true,
    signal: r.signal,
    index: r.index,
    waitMs: r.waitMs,
  });
  // Node checks come once per instance on that node: keep one of each.
  const checks = new Map<string, HealthCheck>();
  for (const entry of answer.data) for (const c of entry.Checks) checks.set(`${c.Node}\u0000${c.CheckID}`, toHealthCheck(c));
  return { ...answer, data: [...checks.values()] };
}
