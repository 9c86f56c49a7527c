import "server-only";
import type { LiveSummary } from "@/lib/api/live";
import type { FirstScreen } from "@/lib/health/first-screen";
import { nameProblem } from "@/lib/health/names";
import { quickBase, quickPlan, type QuickBase } from "@/lib/health/quick-screen";
import { rollup } from "@/lib/health/rollup";
import { toServiceSummary } from "@/lib/health/summary";
import type { OverviewParams } from "@/lib/health/view";
import { getConsulClient } from "../consul";
import { readServiceInputs, readServiceNames } from "../consul/service-counts";
import { log } from "../log";
import type { DcWatch } from "./dc-watch";
import { nonPassingOnce } from "./non-passing-once";

/**
 * The overview's first screen for a watch that has not finished its first full read, from
 * Consul's name list, the non-passing checks and the few services the screen shows (see
 * lib/health/quick-screen.ts). Consul answers these in a fraction of the time it takes to
 * count every service's instances (its UI's service summary, most of a second at 50,000
 * instances), so a page opened right after the dashboard starts shows its rows sooner.
 */

/** One base (names and problems) and its rows serve the renders of this long. */
const FRESH_MS = 5_000;

/** Its own deadline: the page's wait for it is bounded by the provisional rows' wait. */
const READ_MS = 5_000;

/** Most services one screen reads one by one (its problems and its rows); past it the provisional rows serve. */
const MAX_READS = 120;

/** Plans after reads: a service read as healthy that has since failed can move a row once more. */
const MAX_ROUNDS = 4;

interface Entry {
  startedMs: number;
  /** ISO time of the reads, the rows' `since` (not exact, as for provisional rows). */
  at: string;
  base: Promise<QuickBase | undefined>;
  /** Per service: its row, null when it has no instance left, undefined when the read failed. */
  rows: Map<string, Promise<LiveSummary | null | undefined>>;
}

const KEY = Symbol.for("consul-dashboard.quick-screen");
const g = globalThis as typeof globalThis & { [KEY]?: WeakMap<DcWatch, Entry> };
const entries: WeakMap<DcWatch, Entry> = (g[KEY] ??= new WeakMap());

const readOptions = (watch: DcWatch) => ({ dc: watch.dc, timeoutMs: READ_MS, firstByteMs: READ_MS });

function entryOf(watch: DcWatch): Entry {
  const now = Date.now();
  const old = entries.get(watch);
  if (old && now - old.startedMs < FRESH_MS) return old;
  const opts = readOptions(watch);
  const base = Promise.all([readServiceNames(getConsulClient(), opts), nonPassingOnce(watch, opts)]).then(
    ([names, checks]) => quickBase(names, checks),
    (err: unknown) => {
      log.warn({ err, dc: watch.dc }, "Quick first screen failed; the page waits for the provisional rows");
      return undefined;
    },
  );
  const entry: Entry = { startedMs: now, at: new Date(now).toISOString(), base, rows: new Map() };
  entries.set(watch, entry);
  return entry;
}

function rowOf(watch: DcWatch, entry: Entry, name: string): Promise<LiveSummary | null | undefined> {
  let row = entry.rows.get(name);
  if (!row) {
    // A name no Consul URL can carry cannot be read alone: the provisional rows serve instead.
    row =
      nameProblem(name) !== null
        ? Promise.resolve(undefined)
        : readServiceInputs(getConsulClient(), name, readOptions(watch)).then(
            ({ instances, checks }) => {
              const health = rollup(instances, checks)[0];
              return health ? { ...toServiceSummary(health), since: entry.at, sinceExact: false } : null;
            },
            (err: unknown) => {
              log.warn({ err, dc: watch.dc, service: name }, "Quick first screen: a service read failed");
              return undefined;
            },
          );
    entry.rows.set(name, row);
  }
  return row;
}

/** The view's first screen from the quick reads, or undefined (a failing node check, too many problems, a failed read, sorting by instances). */
export async function quickFirstScreen(watch: DcWatch, view: Pick<OverviewParams, "q" | "status" | "tag" | "sort">): Promise<FirstScreen | undefined> {
  const entry = entryOf(watch);
  const base = await entry.base;
  if (!base) return undefined;
  const read = new Map<string, LiveSummary | null>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const plan = quickPlan(base, read, view);
    if (!plan) return undefined;
    if (plan.screen) return plan.screen;
    if (read.size + plan.missing.length > MAX_READS) return undefined;
    const rows = await Promise.all(plan.missing.map((name) => rowOf(watch, entry, name)));
    for (const [i, row] of rows.entries()) {
      if (row === undefined) return undefined;
      read.set(plan.missing[i] ?? "", row);
    }
  }
  return undefined;
}
