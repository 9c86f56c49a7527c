import "server-only";
import { z } from "zod";
import { encodePath } from "../consul/client";
import { isConsulError } from "../consul/errors";
import { getConsulClient } from "../consul";
import { getWatchRegistry } from "../watch/registry";

/**
 * Whether a service is registered. Answered from the shared watch when it knows
 * the service (no extra request to Consul); a miss is confirmed with Consul
 * itself, since the watch may not have seen a registration made a moment ago and
 * a 404 must not be wrong. `undefined` when Consul could not be asked in time:
 * the page then shows the outage instead of a wrong 404.
 */
export async function serviceExists(dc: string | undefined, name: string, timeoutMs = 5_000): Promise<boolean | undefined> {
  const lease = getWatchRegistry().acquire(dc);
  try {
    const ready = await lease.watch.waitForData(timeoutMs);
    if (!ready) return undefined;
    if (lease.watch.service(name) !== undefined) return true;
    const answer = await getConsulClient()
      .getJson(`/v1/catalog/service/${encodePath(name)}`, z.array(z.unknown()), { dc, stale: true, timeoutMs })
      .catch((err: unknown) => (isConsulError(err) ? undefined : Promise.reject(err)));
    return answer ? answer.data.length > 0 : undefined;
  } finally {
    lease.release();
  }
}
