import "server-only";
import { datacenterProblem } from "@/lib/health/names";
import { getConsulClient } from "../consul";
import { readDatacenters } from "../consul/health";
import { DomainError } from "../errors";

const TTL_MS = 30_000;
/** After a failed read, callers share the failure this long instead of each waiting for Consul again. */
const FAILURE_TTL_MS = 2_000;

let cache: { at: number; ttl: number; list: Promise<string[]> } | undefined;
/** Every datacenter Consul has listed since start-up: few, and only what Consul said. */
const everKnown = new Set<string>();

/**
 * Datacenters known to the local agent (nearest first). Cached briefly and shared,
 * so opening more screens does not mean more requests to Consul.
 */
export function listDatacenters(): Promise<string[]> {
  if (!cache || Date.now() - cache.at > cache.ttl) {
    const list = readDatacenters(getConsulClient()).then((r) => r.data);
    const entry = { at: Date.now(), ttl: TTL_MS, list };
    cache = entry;
    list.then(
      (l) => l.forEach((dc) => everKnown.add(dc)),
      // A failure is kept only briefly: the next caller after that asks again.
      () => {
        entry.at = Date.now();
        entry.ttl = FAILURE_TTL_MS;
      },
    );
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
 * Throws for a datacenter the server must not keep state for: a malformed name (400),
 * a name Consul does not list (404), or, when Consul cannot be asked, a name it has
 * never listed (503 naming the failure). So watches, history and caches per datacenter
 * stay bounded by what Consul knows, whatever the requests.
 */
export async function checkDatacenter(dc: string | undefined): Promise<void> {
  if (dc === undefined) return;
  const problem = datacenterProblem(dc);
  if (problem) throw new DomainError("bad_request", problem);
  let known: string[];
  try {
    known = await listDatacenters();
  } catch (err) {
    if (everKnown.has(dc)) return;
    const why = err instanceof Error ? err.message : String(err);
    throw new DomainError("unreachable", `Cannot check datacenter "${dc}" with Consul: ${why}`);
  }
  if (!known.includes(dc)) throw new UnknownDatacenterError(dc, known);
}
