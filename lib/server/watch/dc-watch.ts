import "server-only";
import type { Transition, WatchState, WatchStatus } from "@/lib/api/live";
import { IncrementalRollup } from "@/lib/health/incremental";
import type { NodeAddress } from "@/lib/health/nodes";
import type { HealthCheck, ServiceInstance } from "@/lib/health/types";
import { isConsulError } from "../consul/errors";
import { log } from "../log";
import { countWatchError, trackWatch, untrackWatch } from "../metrics";
import { DomainError } from "../errors";
import { backoffMs, sleep } from "./backoff";
import { diffServices, type RoundDiff, type ServiceEntry } from "./diff";
import type { HealthSource, ServiceSource } from "./health-source";
import { TransitionLog } from "./transitions";

export type WatchEvent =
  | { type: "update"; diff: RoundDiff; transitions: Transition[] }
  | { type: "state"; state: WatchState };

export interface DcWatchOptions {
  maxBackoffMs: number;
  /** Least time between two requests to Consul, however fast it answers (Consul advises rate-limiting watches). */
  minIntervalMs?: number;
  transitionCapacity?: number;
  now?: () => Date;
  random?: () => number;
  /** Every check (passing too) of one service, watched while a screen shows that service. */
  serviceSource?: ServiceSource;
  /** Shared cap on per-service watches (each holds a blocking query to Consul). */
  serviceWatchBudget?: WatchBudget;
  /**
   * Awaited (failures ignored) before the first round: the provisional overview's two small
   * reads, so they are not queued at Consul behind the first full read of a big catalog.
   */
  startAfter?: (watch: DcWatch) => Promise<unknown>;
}

/** A count of per-service watches shared by every datacenter's watch. */
export class WatchBudget {
  private used = 0;
  constructor(readonly max: number) {}

  get inUse(): number {
    return this.used;
  }

  take(): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }

  give(): void {
    this.used = Math.max(0, this.used - 1);
  }
}

/** The per-service watch cap is reached: a 503 with a message, never another query to Consul. */
export class TooManyServiceWatchesError extends DomainError {
  constructor(max: number) {
    super(
      "busy",
      `The dashboard already watches ${max} services live (DASHBOARD_MAX_SERVICE_WATCHES), the most it will ask Consul for at once; try again when fewer service pages are open.`,
    );
    this.name = "TooManyServiceWatchesError";
  }
}

/**
 * The live view of one datacenter: a loop of blocking queries whose answers are
 * rolled up, diffed against the previous round and pushed to every subscriber.
 * It never gives up: errors back off (capped, with jitter) and retry until stop().
 */
export class DcWatch {
  private entries = new Map<string, ServiceEntry>();
  private readonly rollup = new IncrementalRollup();
  private readonly detailWatches = new Map<string, { leases: number; abort: AbortController }>();
  private listeners = new Set<(e: WatchEvent) => void>();
  /** Told after every good round, changed or not (views derived from the raw inputs compare themselves). */
  private roundListeners = new Set<() => void>();
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private hasData = false;
  private dataWaiters: (() => void)[] = [];
  readonly transitions: TransitionLog;
  private current: WatchState;
  private changes = 0;
  /** The last round's raw inputs, for views derived from them (the node rollup). */
  private inputs: { instances: readonly ServiceInstance[]; nodes: readonly NodeAddress[]; checks: readonly HealthCheck[]; version: number } = {
    instances: [],
    nodes: [],
    checks: [],
    version: 0,
  };

  constructor(
    readonly dc: string | undefined,
    private readonly source: HealthSource,
    private readonly opts: DcWatchOptions,
  ) {
    this.transitions = new TransitionLog(opts.transitionCapacity ?? 500);
    this.current = { status: "starting", since: this.now().toISOString(), message: null, lastUpdate: null, lastContactMs: null, source: null, filteredByAcls: false };
  }

  get state(): WatchState {
    return this.current;
  }

  /** Moves whenever anything a snapshot shows (services, transitions, state) may have changed. */
  get version(): number {
    return this.changes;
  }

  get ready(): boolean {
    return this.hasData;
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** The instances, nodes and non-passing checks of the last round; `version` moves when any of them may have changed. */
  rawInputs(): { instances: readonly ServiceInstance[]; nodes: readonly NodeAddress[]; checks: readonly HealthCheck[]; version: number } {
    return this.inputs;
  }

  services(): ServiceEntry[] {
    return [...this.entries.values()];
  }

  service(name: string): ServiceEntry | undefined {
    return this.entries.get(name);
  }

  subscribe(listener: (e: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onRound(listener: () => void): () => void {
    this.roundListeners.add(listener);
    return () => this.roundListeners.delete(listener);
  }

  /** Per-service watches running now. */
  get serviceWatchCount(): number {
    return this.detailWatches.size;
  }

  /**
   * Resolves once the first answer arrived, or after `timeoutMs` (check `ready`); at once
   * when the watch has no data and its last round failed (Consul is known to be down).
   */
  async waitForData(timeoutMs: number): Promise<boolean> {
    if (this.hasData) return true;
    if (this.current.status !== "starting") return false;
    await Promise.race([new Promise<void>((r) => this.dataWaiters.push(r)), sleep(timeoutMs, this.abort.signal)]);
    return this.hasData;
  }

  /** Per-service blocking watches running (for the metrics). */
  get serviceWatches(): number {
    return this.detailWatches.size;
  }

  start(): this {
    trackWatch(this);
    this.running ??= (this.opts.startAfter?.(this) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => (this.stopped ? undefined : this.loop()));
    return this;
  }

  async stop(): Promise<void> {
    untrackWatch(this);
    this.abort.abort();
    this.listeners.clear();
    this.roundListeners.clear();
    for (let i = 0; i < this.detailWatches.size; i++) this.opts.serviceWatchBudget?.give();
    this.detailWatches.clear();
    await this.running;
  }

  /**
   * Keeps one service's full check list (passing checks and their output, which the
   * datacenter-wide watch does not read) fresh while the returned release is not
   * called. Shared: several screens on one service make one blocking query.
   * Throws TooManyServiceWatchesError when a new watch would pass the shared cap.
   */
  watchService(name: string): () => void {
    const source = this.opts.serviceSource;
    if (!source || this.stopped) return () => {};
    let w = this.detailWatches.get(name);
    if (!w) {
      const budget = this.opts.serviceWatchBudget;
      if (budget && !budget.take()) throw new TooManyServiceWatchesError(budget.max);
      const created = { leases: 0, abort: new AbortController() };
      this.detailWatches.set(name, created);
      void this.detailLoop(name, source, AbortSignal.any([created.abort.signal, this.abort.signal]));
      w = created;
    }
    const watch = w;
    watch.leases++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--watch.leases > 0) return;
      watch.abort.abort();
      // stop() may have cleared the map (and given the budget back) already.
      if (this.detailWatches.get(name) !== watch) return;
      this.detailWatches.delete(name);
      this.opts.serviceWatchBudget?.give();
      this.rollup.setServiceChecks(name, undefined);
      this.recompute([name]);
    };
  }

  private detailLoop(name: string, source: ServiceSource, signal: AbortSignal): Promise<void> {
    return this.blockingLoop(
      signal,
      async (index) => {
        const r = await source(name, index, signal);
        if (signal.aborted) return r.nextIndex;
        this.rollup.setServiceChecks(name, r.checks);
        this.recompute([name]);
        return r.nextIndex;
      },
      // The datacenter watch reports outages; this one only retries.
      () => {},
    );
  }

  /**
   * The loop every watch here runs: one blocking round after another, the index
   * carried over, a least interval between rounds, and after an error capped
   * back-off with the index reset (it may be meaningless, e.g. a restarted agent).
   */
  private async blockingLoop(signal: AbortSignal, round: (index: string) => Promise<string>, onError: (err: unknown) => void): Promise<void> {
    let index = "0";
    let failures = 0;
    while (!signal.aborted) {
      const started = Date.now();
      try {
        const next = await round(index);
        if (signal.aborted) break;
        failures = 0;
        index = next;
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        index = "0";
        onError(err);
        await sleep(backoffMs(failures, { capMs: this.opts.maxBackoffMs, random: this.opts.random }), signal);
        continue;
      }
      const minInterval = this.opts.minIntervalMs ?? 100;
      const elapsed = Date.now() - started;
      if (elapsed < minInterval) await sleep(minInterval - elapsed, signal);
    }
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  private loop(): Promise<void> {
    const signal = this.abort.signal;
    return this.blockingLoop(
      signal,
      async (index) => {
        const round = await this.source(index, signal);
        if (signal.aborted) return round.nextIndex;
        const prev = this.inputs;
        const nodes = round.inputs.nodes ?? prev.nodes;
        if (prev.instances !== round.inputs.instances || prev.checks !== round.inputs.checks || prev.nodes !== nodes) {
          this.inputs = { instances: round.inputs.instances, nodes, checks: round.inputs.checks, version: prev.version + 1 };
        }
        this.apply(round.inputs.instances, round.inputs.checks);
        const leaderless = round.meta.knownLeader === false;
        this.setState(leaderless ? "no-leader" : "live", leaderless ? "Consul reports no known leader: answers may be stale" : null, {
          lastUpdate: this.now().toISOString(),
          lastContactMs: round.meta.lastContactMs,
          source: round.inputs.source,
          filteredByAcls: round.meta.filteredByAcls === true,
        });
        for (const l of this.roundListeners) {
          try {
            l();
          } catch (err) {
            log.error({ err, dc: this.dc }, "Health watch round listener failed");
          }
        }
        return round.nextIndex;
      },
      (err) => this.fail(err),
    );
  }

  private apply(instances: readonly ServiceInstance[], checks: readonly HealthCheck[]): void {
    const first = !this.hasData;
    const touched = new Set([...this.rollup.setInstances(instances), ...this.rollup.setChecks(checks)]);
    if (first) for (const name of this.rollup.serviceNames()) touched.add(name);
    this.publish([...touched], first);
    if (first) {
      this.hasData = true;
      for (const w of this.dataWaiters.splice(0)) w();
    }
  }

  /** Re-rolls up some services outside a datacenter round (a service watch answered). */
  private recompute(names: string[]): void {
    if (this.hasData && !this.stopped) this.publish(names, false);
  }

  private publish(names: string[], first: boolean): void {
    names.sort();
    const changes = names.map((n): [string, ReturnType<IncrementalRollup["compute"]>] => [n, this.rollup.compute(n)]);
    const diff = diffServices(this.entries, changes, this.now(), first);
    const transitions = diff.transitions.map((t) => this.transitions.add(t));
    this.changes++;
    if (diff.summaryChanged.length || diff.detailChanged.length || diff.removed.length) {
      this.emit({ type: "update", diff, transitions });
    }
  }

  private fail(err: unknown): void {
    countWatchError(this.dc);
    if (isConsulError(err)) {
      if (err.kind === "network" || err.kind === "timeout") return this.setState("unreachable", err.message);
      if (err.kind === "http" && err.status === 403) return this.setState("forbidden", err.message);
      return this.setState("error", err.message);
    }
    log.error({ err, dc: this.dc }, "Health watch failed");
    this.setState("error", "Internal error in the health watch; see the dashboard server's log");
  }

  private setState(status: WatchStatus, message: string | null, extra: Partial<WatchState> = {}): void {
    const prev = this.current;
    const changed = prev.status !== status || prev.message !== message;
    this.changes++;
    this.current = {
      ...prev,
      ...extra,
      status,
      message,
      // "since" is when the condition began, not when it was last seen.
      since: changed ? this.now().toISOString() : prev.since,
    };
    const filteredChanged = extra.filteredByAcls !== undefined && extra.filteredByAcls !== prev.filteredByAcls;
    if (changed || filteredChanged || (extra.source !== undefined && extra.source !== prev.source)) this.emit({ type: "state", state: this.current });
  }

  private emit(e: WatchEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        log.error({ err, dc: this.dc }, "Health watch listener failed");
      }
    }
  }
}
