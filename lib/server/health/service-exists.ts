import "server-only";
import { getWatchRegistry } from "../watch/registry";

/**
 * Whether a service is registered, answered from the shared watch (no extra request
 * to Consul when the datacenter is already watched). `undefined` when Consul could
 * not be asked in time: the page then shows the outage instead of a wrong 404.
 */
export async function serviceExists(dc: string | undefined, name: string, timeoutMs = 5_000): Promise<boolean | undefined> {
  const lease = getWatchRegistry().acquire(dc);
  try {
    const ready = await lease.watch.waitForData(timeoutMs);
    return ready ? lease.watch.service(name) !== undefined : undefined;
  } finally {
    lease.release();
  }
}
