import "server-only";
import type { LiveSummary } from "@/lib/api/live";
import { provisionalSummaries } from "@/lib/health/provisional";
import { log } from "../log";
import type { DcWatch } from "./dc-watch";
import { readProvisionalInputs, takeEarlyRead } from "./early-read";

/** How long a page render waits for the provisional read; past it the live stream fills the page. */
export const PROVISIONAL_WAIT_MS = 3_000;

/** A read younger than this is served as is; an older one is still served while a new one is read. */
const FRESH_MS = 5_000;

/** Provisional rows older than this are not served (the full read should long have replaced them). */
const MAX_AGE_MS = 60_000;

/** Overview rows as Consul's service list and its non-passing checks showed them at `at`. */
export interface Provisional {
  rows: LiveSummary[];
  /** ISO time of the read. */
  at: string;
}

interface Entry {
  last?: Provisional & { atMs: number };
  reading?: Promise<Provisional | undefined>;
  failedAtMs?: number;
}

// On globalThis: the start-up code (instrumentation) and each page's bundle hold their own copy of
// this module, and they must share one read.
const KEY = Symbol.for("consul-dashboard.provisional-rows");
const g = globalThis as typeof globalThis & { [KEY]?: WeakMap<DcWatch, Entry> };
const entries: WeakMap<DcWatch, Entry> = (g[KEY] ??= new WeakMap());

function read(watch: DcWatch, entry: Entry): Promise<Provisional | undefined> {
  // The local datacenter's first read may already be under way since start-up (early-read.ts).
  const inputs = (watch.dc === undefined ? takeEarlyRead(FRESH_MS) : undefined) ?? readProvisionalInputs(watch.dc);
  const reading = inputs
    .then(
      ([counts, checks]) => {
        if (!counts) return undefined;
        const atMs = Date.now();
        const at = new Date(atMs).toISOString();
        entry.last = { rows: provisionalSummaries(counts, checks, at), at, atMs };
        return entry.last;
      },
      (err: unknown) => {
        entry.failedAtMs = Date.now();
        log.warn({ err, dc: watch.dc }, "Provisional overview failed; the page waits for the live stream");
        return undefined;
      },
    )
    .finally(() => {
      if (entry.reading === reading) entry.reading = undefined;
    });
  entry.reading = reading;
  return reading;
}

function within<T>(p: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    void p.then((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

/**
 * Overview rows for a watch still doing its first full read (seconds at 50,000 instances):
 * Consul's per-service instance counts plus the non-passing checks, two small reads.
 * Served at once from a read at most MAX_AGE_MS old (a read older than FRESH_MS is renewed
 * behind it, so renders during one cold start share a few reads); otherwise waits up to
 * `waitMs` for a read. Undefined when Consul's UI endpoint is missing or changed, or Consul
 * has not answered. A new watch asks for these before its first full read (see
 * `beforeFirstRead`), so the two small reads are not queued behind the big one at Consul.
 */
export function provisionalRows(watch: DcWatch, waitMs = PROVISIONAL_WAIT_MS): Promise<Provisional | undefined> {
  let entry = entries.get(watch);
  if (!entry) entries.set(watch, (entry = {}));
  const now = Date.now();
  const age = entry.last ? now - entry.last.atMs : Infinity;
  // A failed read is not retried by every render of a cold start: at most once per FRESH_MS.
  const mayRead = !entry.reading && (entry.failedAtMs === undefined || now - entry.failedAtMs >= FRESH_MS);
  if (age >= FRESH_MS && mayRead) read(watch, entry);
  if (entry.last && age < MAX_AGE_MS) return Promise.resolve(entry.last);
  return entry.reading ? within(entry.reading, waitMs) : Promise.resolve(undefined);
}

/** The longest a new watch holds its first full read back for the provisional read. */
const HOLD_FIRST_READ_MS = 1_500;

/**
 * A new watch's start gate: the provisional read, or HOLD_FIRST_READ_MS, whichever ends
 * first (a silent Consul must not delay the watch's own outage report by the whole deadline).
 */
export function beforeFirstRead(watch: DcWatch): Promise<unknown> {
  return provisionalRows(watch, HOLD_FIRST_READ_MS);
}
