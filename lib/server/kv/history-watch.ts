import "server-only";
import type { KvEntry } from "@/lib/api/kv";
import { OUTSIDE_WHO } from "@/lib/api/kv-history";
import { treeChanges } from "@/lib/kv/tree-changes";
import { getConfig } from "../config";
import { watchTree } from "../consul/kv";
import { log } from "../log";
import { backoffMs, sleep } from "../watch/backoff";
import { keepVersions, newOperationId, versionOf } from "./history";

/**
 * Changes made outside the dashboard, under DASHBOARD_KV_HISTORY_PREFIXES: one blocking
 * recurse query per prefix (shared by the whole process), each return diffed by
 * ModifyIndex against the last seen subtree. The values that were replaced or deleted
 * are kept as versions by "outside the dashboard"; the dashboard's own writes kept theirs
 * before writing, and the store keeps one row per (key, ModifyIndex), so they are not
 * recorded twice. Cost: one held connection per prefix, and every change re-reads the
 * whole subtree (README "Watched prefixes").
 */

/** Rounds at least this far apart: a subtree changing constantly cannot make us hammer Consul. */
const MIN_ROUND_MS = 250;

export class PrefixHistoryWatch {
  private readonly abort = new AbortController();
  private done: Promise<void> | undefined;

  constructor(
    readonly prefix: string,
    private readonly waitMs: number,
    private readonly maxBackoffMs: number,
  ) {}

  start(): void {
    this.done ??= this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    let index = "0";
    let seen: Map<string, KvEntry> | null = null;
    let failures = 0;
    while (!signal.aborted) {
      const started = Date.now();
      try {
        const round = await watchTree(this.prefix, { index, waitMs: this.waitMs, signal });
        if (seen) {
          const { replaced, deleted } = treeChanges(seen, round.entries);
          const rows = [...replaced.map((e) => versionOf(e, OUTSIDE_WHO, false)), ...deleted.map((e) => versionOf(e, OUTSIDE_WHO, true))];
          if (rows.length) await keepVersions(rows, newOperationId());
        }
        seen = new Map(round.entries.map((e) => [e.key, e]));
        // After a reset (index went backwards) the next read is a fresh baseline.
        if (round.nextIndex === "0") seen = null;
        index = round.nextIndex;
        failures = 0;
        await sleep(Math.max(0, MIN_ROUND_MS - (Date.now() - started)), signal);
      } catch (err) {
        if (signal.aborted) return;
        failures++;
        log.warn({ err, prefix: this.prefix, failures }, "KV history watch: reading the prefix failed; retrying");
        await sleep(backoffMs(failures, { capMs: this.maxBackoffMs }), signal);
      }
    }
  }
}

const KEY = Symbol.for("consul-dashboard.kv-history-watches");
type WithWatches = typeof globalThis & { [KEY]?: PrefixHistoryWatch[] };

/** Starts one watch per configured prefix (none by default). */
export function startKvHistoryWatches(): void {
  const g = globalThis as WithWatches;
  if (g[KEY]) return;
  const c = getConfig();
  g[KEY] = c.history.watchPrefixes.map((p) => new PrefixHistoryWatch(p, c.watch.waitMs, c.watch.maxBackoffMs));
  for (const w of g[KEY]) w.start();
  if (g[KEY].length) log.info({ prefixes: c.history.watchPrefixes }, `KV history: watching ${g[KEY].length} prefix(es) for changes made outside the dashboard`);
}

export async function stopKvHistoryWatches(): Promise<void> {
  const g = globalThis as WithWatches;
  const watches = g[KEY] ?? [];
  g[KEY] = undefined;
  await Promise.all(watches.map((w) => w.stop()));
}
