import "server-only";
import { getConsulClient } from "../consul";
import { isConsulError } from "../consul/errors";
import { isServiceRegistered } from "../consul/health";
import { getWatchRegistry } from "../wiring";

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
    return await isServiceRegistered(getConsulClient(), name, { dc, stale: true, timeoutMs }).catch((err: unknown) =>
      isConsulError(err) ? undefined : Promise.reject(err),
    );
  } finally {
    lease.release();
  }
}
