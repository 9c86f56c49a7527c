import "server-only";
import type { LiveSummary } from "@/lib/api/live";
import { provisionalSummaries } from "@/lib/health/provisional";
import { getConsulClient } from "../consul";
import { readNonPassingChecks, readServiceCounts } from "../consul/service-counts";
import { log } from "../log";
import type { DcWatch } from "./dc-watch";

/** How long the provisional read may take; past it pages wait for the full read or the live stream. */
export const PROVISIONAL_WAIT_MS = 3_000;

/** A provisional overview is reused this long (renders during one cold start share one read). */
const PROVISIONAL_TTL_MS = 5_000;

// On globalThis: the start-up code (instrumentation) and each page's bundle hold their own copy of
// this module, and they must share one read.
const KEY = Symbol.for("consul-dashboard.provisional-rows");
type Cache = WeakMap<DcWatch, { at: number; rows: Promise<LiveSummary[] | undefined> }>;
const g = globalThis as typeof globalThis & { [KEY]?: Cache };
const provisional: Cache = (g[KEY] ??= new WeakMap());

/**
 * Overview rows for a watch still doing its first full read (seconds at 50,000 instances):
 * Consul's per-service instance counts plus the non-passing checks, two small reads.
 * Undefined when Consul's UI endpoint is missing or changed, or Consul cannot answer.
 * A new watch asks for these before its first full read (see `startAfter` in DcWatchOptions),
 * so the two small reads are not queued behind the big one at Consul.
 */
export function provisionalRows(watch: DcWatch): Promise<LiveSummary[] | undefined> {
  const hit = provisional.get(watch);
  if (hit && Date.now() - hit.at < PROVISIONAL_TTL_MS) return hit.rows;
  const client = getConsulClient();
  const opts = { dc: watch.dc, timeoutMs: PROVISIONAL_WAIT_MS };
  const rows = Promise.all([readServiceCounts(client, opts), readNonPassingChecks(client, opts)]).then(
    ([counts, checks]) => (counts ? provisionalSummaries(counts, checks, new Date().toISOString()) : undefined),
    (err: unknown) => {
      log.warn({ err, dc: watch.dc }, "Provisional overview failed; the page waits for the live stream");
      return undefined;
    },
  );
  provisional.set(watch, { at: Date.now(), rows });
  return rows;
}

/** The longest a new watch holds its first full read back for the provisional read. */
const HOLD_FIRST_READ_MS = 1_500;

/**
 * A new watch's start gate: the provisional read, or HOLD_FIRST_READ_MS, whichever ends
 * first (a silent Consul must not delay the watch's own outage report by the whole deadline).
 */
export function beforeFirstRead(watch: DcWatch): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, HOLD_FIRST_READ_MS);
    void provisionalRows(watch).finally(() => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}
