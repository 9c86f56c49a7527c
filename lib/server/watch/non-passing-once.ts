import "server-only";
import type { HealthCheck } from "@/lib/health/types";
import type { ReadOptions } from "../consul/client";
import { getConsulClient } from "../consul";
import { readNonPassingChecks } from "../consul/service-counts";
import type { DcWatch } from "./dc-watch";

// On globalThis: the start-up code (instrumentation) and each page's bundle hold their own copy
// of this module, and they must share one read.
const KEY = Symbol.for("consul-dashboard.non-passing-once");
const g = globalThis as typeof globalThis & { [KEY]?: WeakMap<DcWatch, Promise<HealthCheck[]>> };
const inFlight: WeakMap<DcWatch, Promise<HealthCheck[]>> = (g[KEY] ??= new WeakMap());

/**
 * A datacenter's non-passing checks, one read in flight per watch: a cold start's two first
 * screens (the provisional rows and the quick screen) start together and share it, so Consul
 * filters its checks once.
 */
export function nonPassingOnce(watch: DcWatch, opts: ReadOptions): Promise<HealthCheck[]> {
  const pending = inFlight.get(watch);
  if (pending) return pending;
  const read: Promise<HealthCheck[]> = readNonPassingChecks(getConsulClient(), { dc: watch.dc, ...opts }).finally(() => {
    if (inFlight.get(watch) === read) inFlight.delete(watch);
  });
  inFlight.set(watch, read);
  return read;
}
