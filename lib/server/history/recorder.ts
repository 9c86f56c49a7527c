import "server-only";
import type { ServiceDetail, WatchState } from "@/lib/api/live";
import { getConfig } from "../config";
import { log } from "../log";
import { HistoryStore } from "./store";

/** What the recorder needs of a datacenter's live watch (the wiring hands it each new one). */
export interface RecordedWatch {
  readonly dc: string | undefined;
  readonly ready: boolean;
  readonly stopped: boolean;
  readonly state: WatchState;
  services(): { detail: ServiceDetail }[];
  subscribe(listener: () => void): () => void;
}

/** How often changed history is written to disk (and on SIGTERM/SIGINT/exit). */
const FLUSH_MS = 30_000;
/** A point per minute even when nothing changes, so a quiet hour is not a gap. */
const TICK_MS = 60_000;
/** After the watch's first full read: the pages waiting for it are served first. */
const LOAD_DELAY_MS = 3_000;

class History {
  readonly store: HistoryStore;
  private readonly loads = new Map<string, Promise<void>>();

  constructor(dir: string) {
    this.store = new HistoryStore(dir);
    const flushNow = () => {
      try {
        this.store.flushSync();
      } catch (err) {
        log.error({ err }, "Could not save the health history");
      }
    };
    setInterval(() => {
      this.store.flush().catch((err: unknown) => log.error({ err }, "Could not save the health history"));
    }, FLUSH_MS).unref();
    // Next's own handlers close the server and exit; these run first, synchronously.
    process.once("SIGTERM", flushNow);
    process.once("SIGINT", flushNow);
    process.once("exit", flushNow);
  }

  /** Loads a datacenter's file once; every record waits for it so loaded history is never overwritten. */
  ensureLoaded(dc: string): Promise<void> {
    let p = this.loads.get(dc);
    if (!p) {
      p = this.store.load(dc).catch((err: unknown) => log.error({ err, dc }, "Could not load the health history"));
      this.loads.set(dc, p);
    }
    return p;
  }
}

// On globalThis so every route bundle of the Next.js server shares one store.
const KEY = Symbol.for("consul-dashboard.history");
type WithHistory = typeof globalThis & { [KEY]?: History };

export function getHistory(): History {
  const g = globalThis as WithHistory;
  g[KEY] ??= new History(getConfig().dataDir);
  return g[KEY];
}

/** History key of a watch: "" is the agent's own datacenter. */
export function historyKey(dc: string | undefined): string {
  return dc ?? "";
}

/**
 * Records a datacenter's statuses whenever its watch has a new answer, and once a
 * minute while nothing changes. Only live data is recorded: while Consul is
 * unreachable the history shows a gap, not a copy of the last known state.
 *
 * The file is loaded a few seconds after the watch has its first full read, not at start:
 * loading it is main-thread work (~0.5 s for the ~20 MB a restart leaves at 10,000 services:
 * every ring then has a gap), which would otherwise land on the first pages served, and those
 * wait for that same first read. A chart that asks sooner loads it itself (readHistory).
 */
export function recordHistory(watch: RecordedWatch): void {
  const history = getHistory();
  const key = historyKey(watch.dc);
  const record = () => {
    if (!watch.ready || watch.state.status !== "live") return;
    history.store.record(key, watch.services().map((e) => e.detail));
  };
  let loaded: Promise<void> | undefined;
  const later = () => {
    if (!watch.ready) return;
    loaded ??= new Promise<void>((resolve) => setTimeout(resolve, LOAD_DELAY_MS).unref()).then(() => history.ensureLoaded(key));
    void loaded.then(record);
  };
  watch.subscribe(later);
  const timer = setInterval(() => (watch.stopped ? clearInterval(timer) : later()), TICK_MS);
  timer.unref();
}
