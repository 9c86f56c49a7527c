import "server-only";
import { getConsulClient } from "../consul";
import { readDatacenters } from "../consul/health";
import { DomainError } from "../errors";

const TTL_MS = 30_000;
let cache: { at: number; list: Promise<string[]> } | undefined;

/**
 * Datacenters known to the local agent (nearest first). Cached briefly and shared,
 * so opening more screens does not mean more requests to Consul.
 */
export function listDatacenters(): Promise<string[]> {
  if (!cache || Date.now() - cache.at > TTL_MS) {
    const list = readDatacenters(getConsulClient()).then((r) => r.data);
    cache = { at: Date.now(), list };
    // A failure must not be cached: the next caller asks again.
    list.catch(() => {
      if (cache?.list === list) cache = undefined;
    });
  }
  return cache.list;
}

export class UnknownDatacenterError extends DomainError {
  constructor(
    readonly dc: string,
    readonly known: string[],
  ) {
    super("unknown_datacenter", `Unknown datacenter "${dc}". Consul knows: ${known.join(", ") || "(none)"}.`);
    this.name = "UnknownDatacenterError";
  }
}

/**
 * Throws UnknownDatacenterError for a name Consul does not know. When Consul cannot
 * be asked (it is down), the name is let through: the watch then shows the outage.
 */
export async function checkDatacenter(dc: string | undefined): Promise<void> {
  if (dc === undefined) return;
  const known = await listDatacenters().catch(() => undefined);
  if (known && !known.includes(dc)) throw new UnknownDatacenterError(dc, known);
}
