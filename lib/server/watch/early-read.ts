import "server-only";
import type { ServiceCount } from "@/lib/health/provisional";
import type { HealthCheck } from "@/lib/health/types";
import { getConfig } from "../config";
import { getConsulClient } from "../consul";
import { readNonPassingChecks, readServiceCounts } from "../consul/service-counts";

/**
 * The provisional overview's two reads (Consul UI's per-service counts and the non-passing
 * checks), and the local datacenter's first pair started at start-up before the rest of the
 * server's code has loaded: that import takes a few hundred milliseconds on two cores, and
 * Consul needs most of a second for the summary at 50,000 instances, so the two overlap.
 */

/**
 * The provisional read's own deadline. Nobody renders while waiting this long, but the live
 * stream sends what it brings: on a busy machine Consul can take several seconds to answer,
 * still well before the full read at 50,000 instances.
 */
export const PROVISIONAL_READ_MS = 15_000;

export type ProvisionalInputs = [ServiceCount[] | undefined, HealthCheck[]];

export function readProvisionalInputs(dc: string | undefined): Promise<ProvisionalInputs> {
  const client = getConsulClient();
  // Consul computes the whole summary before its first byte: seconds at 100,000 instances on a
  // busy machine, past the usual first-byte deadline that tells a silent Consul.
  const opts = { dc, timeoutMs: PROVISIONAL_READ_MS, firstByteMs: PROVISIONAL_READ_MS };
  return Promise.all([readServiceCounts(client, opts), readNonPassingChecks(client, opts)]);
}

// On globalThis: start-up (instrumentation) starts it, the bundle that holds the watches takes it.
const KEY = Symbol.for("consul-dashboard.early-provisional-read");
const g = globalThis as typeof globalThis & { [KEY]?: { startedMs: number; inputs: Promise<ProvisionalInputs> } };

/**
 * Start-up: the local datacenter's provisional read, at once. Nothing when the local watch is not
 * warmed at start-up, or the configuration or the Consul client cannot be set up (start-up reports
 * that right after, with its own checks).
 */
export function startEarlyRead(): void {
  let inputs: Promise<ProvisionalInputs>;
  try {
    if (!getConfig().watch.warm) return;
    inputs = readProvisionalInputs(undefined);
  } catch {
    return;
  }
  // Handled here so a failure before the watch takes it is not an unhandled rejection; the taker reports it.
  inputs.catch(() => {});
  g[KEY] = { startedMs: Date.now(), inputs };
}

/** The start-up read, once, if it began less than `maxAgeMs` ago; the local watch's first provisional read takes it. */
export function takeEarlyRead(maxAgeMs: number): Promise<ProvisionalInputs> | undefined {
  const early = g[KEY];
  g[KEY] = undefined;
  return early && Date.now() - early.startedMs < maxAgeMs ? early.inputs : undefined;
}
