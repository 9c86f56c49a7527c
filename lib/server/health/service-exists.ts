import "server-only";
import { nameProblem } from "@/lib/health/names";
import { getConsulClient } from "../consul";
import { isConsulError } from "../consul/errors";
import { isServiceRegistered } from "../consul/health";
import { DomainError } from "../errors";
import { getWatchRegistry } from "../wiring";

/** A name that cannot be a service the dashboard looks up: a 400 before any request to Consul. */
export function assertServiceName(name: string): void {
  const problem = nameProblem(name, "service");
  if (problem) throw new DomainError("bad_request", problem);
}

/**
 * Whether a service is registered. Answered from the shared watch when it knows
 * the service (no extra request to Consul); a miss is confirmed with Consul
 * itself, since the watch may not have seen a registration made a moment ago and
 * a 404 must not be wrong. `undefined` when Consul could not be asked in time
 * (within the Consul deadline): the page then shows the outage instead of a wrong 404.
 * Throws a 400 DomainError for a name that cannot be a service.
 */
export async function serviceExists(dc: string | undefined, name: string, timeoutMs = getConsulClient().timeoutMs): Promise<boolean | undefined> {
  assertServiceName(name);
  const lease = getWatchRegistry().acquire(dc);
  try {
    const known = lease.watch.service(name) !== undefined;
    if (known) return true;
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
