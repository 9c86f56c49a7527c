import "server-only";
import type { LiveSummary } from "@/lib/api/live";
import { firstScreen, type FirstScreen } from "@/lib/health/first-screen";
import type { ServiceData } from "@/lib/health/live-merge";
import { overviewSearch, type OverviewParams } from "@/lib/health/view";
import { wallScreen, type WallFilter, type WallFirstScreen, type WallScreen } from "@/lib/wall/first-screen";
import type { DcWatch } from "../watch/dc-watch";
import { toSummary } from "../watch/diff";
import { PROVISIONAL_WAIT_MS, provisionalRows, type Provisional } from "../watch/provisional";
import { getWatchRegistry } from "../wiring";

/**
 * How long a page render waits for a watch that has no data yet (just started, or a
 * datacenter nobody was watching). Past it the page renders without rows and the live
 * stream's snapshot fills them; waiting longer would only delay the whole page.
 */
const COLD_WAIT_MS = 400;

/** The overview's and the wall's cold wait: the provisional read usually answers well within it. */
const OVERVIEW_COLD_WAIT_MS = PROVISIONAL_WAIT_MS;

/**
 * Per watch, the services as overview rows at one watch version, and the first screens
 * built from them by view (overview) and by filter (wall): every page render between two
 * changes shares them (sorting 5,000 rows by name costs tens of milliseconds).
 */
interface Cached {
  version: number;
  rows: LiveSummary[];
  byView: Map<string, FirstScreen>;
  byWall: Map<string, WallScreen>;
}
const cache = new WeakMap<DcWatch, Cached>();

function cachedOf(watch: DcWatch): Cached {
  let hit = cache.get(watch);
  if (hit?.version !== watch.version) {
    hit = { version: watch.version, rows: watch.services().map((e) => toSummary(e.detail)), byView: new Map(), byWall: new Map() };
    cache.set(watch, hit);
  }
  return hit;
}

/** A handful of views at a time per watch version; a crawler trying every ?q= must not grow it without bound. */
function memo<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    if (map.size >= 16) map.clear();
    map.set(key, value);
  }
  return value;
}

function firstScreenOf(watch: DcWatch, view: OverviewParams): FirstScreen {
  const hit = cachedOf(watch);
  return memo(hit.byView, overviewSearch(view), () => firstScreen(hit.rows, view));
}

function wallScreenOf(watch: DcWatch, filter: WallFilter): WallScreen {
  const hit = cachedOf(watch);
  return memo(hit.byWall, JSON.stringify([filter.tag ?? null, filter.status ?? null, filter.q]), () => wallScreen(hit.rows, filter));
}

/**
 * A first screen from the shared watch of `dc`: `fromWatch` when the watch is warm; when it
 * is cold, from its first full read or the provisional one (`fromRows`), whichever comes
 * first within a short wait; else undefined (the live stream fills the page). Holding a
 * lease for the render also starts the watch of a datacenter nobody is viewing yet, so the
 * browser's stream finds it running.
 */
async function fromSharedWatch<T>(dc: string | undefined, fromWatch: (watch: DcWatch) => T, fromRows: (p: Provisional) => T): Promise<T | undefined> {
  const lease = getWatchRegistry().acquire(dc);
  try {
    const { watch } = lease;
    if (watch.ready) return fromWatch(watch);
    // A watch that reports Consul failing ends the wait: the provisional read has a long deadline
    // (Consul may take seconds to build it), and a silent Consul must not hold every render that long.
    let unsubscribe = () => {};
    const failing = new Promise<undefined>((resolve) => {
      if (watch.state.status !== "starting") return resolve(undefined);
      unsubscribe = watch.subscribe((e) => {
        if (e.type === "state" && e.state.status !== "starting") resolve(undefined);
      });
    });
    // `failing` first: a watch already failing wins over provisional rows already read.
    const early = await Promise.race([failing, watch.waitForData(OVERVIEW_COLD_WAIT_MS).then(() => undefined), provisionalRows(watch)]).finally(() => unsubscribe());
    if (watch.ready) return fromWatch(watch);
    return early ? fromRows(early) : undefined;
  } finally {
    lease.release();
  }
}

/** The overview's first screenful (the view's first rows and the totals), or undefined. */
export function overviewFirstScreen(view: OverviewParams): Promise<FirstScreen | undefined> {
  return fromSharedWatch(
    view.dc,
    (watch) => firstScreenOf(watch, view),
    (p) => firstScreen(p.rows, view),
  );
}

/**
 * The wall's first screen (its tiles and totals, `filter` applied), or undefined. `live` says
 * whether the watch was live, so the browser flags a failing watch's last data stale at once;
 * provisional rows are as live as a first read, dated when they were read.
 */
export function wallFirstScreen(dc: string | undefined, filter: WallFilter): Promise<WallFirstScreen | undefined> {
  const at = () => new Date().toISOString();
  return fromSharedWatch(
    dc,
    (watch) => ({ ...wallScreenOf(watch, filter), at: at(), live: watch.state.status === "live" }),
    (p) => ({ ...wallScreen(p.rows, filter), at: p.at, live: true }),
  );
}

/**
 * One service as its page first shows it, from the shared watch (its passing checks arrive
 * with the live stream, from the per-service watch the page starts), or undefined when the
 * watch has no data within a short wait or does not know the service.
 */
export async function serviceFirstScreen(dc: string | undefined, name: string): Promise<ServiceData | undefined> {
  const lease = getWatchRegistry().acquire(dc);
  try {
    const { watch } = lease;
    if (!watch.ready && !(await watch.waitForData(COLD_WAIT_MS))) return undefined;
    const entry = watch.service(name);
    return entry ? { service: entry.detail, transitions: watch.transitions.recent(50, name) } : undefined;
  } finally {
    lease.release();
  }
}
