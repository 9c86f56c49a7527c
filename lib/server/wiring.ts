import "server-only";
import { prepareSessions } from "./auth/operator";
import { warnIfServerTokenWrites } from "./auth/server-token";
import { ConfigError, getConfig } from "./config";
import { getConsulClient } from "./consul";
import { applyHeapGrowth } from "./heap";
import { log } from "./log";
import { installShutdown } from "./shutdown";
import { getHistory, recordHistory } from "./history/recorder";
import { startKvHistoryWatches, stopKvHistoryWatches } from "./kv/history-watch";
import { closeHistoryStore } from "./store";
import { consulHealthSource, consulServiceSource } from "./watch/health-source";
import { beforeFirstRead } from "./watch/provisional";
import { WatchRegistry } from "./watch/registry";

/**
 * The one place the server's parts are put together: the watches read Consul, the
 * health history records from every watch, and start-up checks the configuration
 * and warms the local datacenter's watch. Feature folders never import each other
 * for this; they ask here.
 */

// Kept on globalThis so every route bundle of the Next.js server shares one registry.
const KEY = Symbol.for("consul-dashboard.watch-registry");
type WithRegistry = typeof globalThis & { [KEY]?: WatchRegistry };

export function getWatchRegistry(): WatchRegistry {
  const g = globalThis as WithRegistry;
  if (!g[KEY]) {
    const config = getConfig();
    g[KEY] = new WatchRegistry(
      (dc) => consulHealthSource(getConsulClient(), dc, config.watch.waitMs),
      config.watch,
      (dc) => consulServiceSource(getConsulClient(), dc, config.watch.waitMs),
      recordHistory,
      config.limits.maxServiceWatches,
      // A new watch first reads the provisional overview (two small reads), then the full catalog.
      // The heap's growth cap starts with that full read (see lib/server/heap.ts).
      (watch) => beforeFirstRead(watch).finally(() => applyHeapGrowth(config.heapGrowthPercent)),
    );
  }
  return g[KEY];
}

/** A bad configuration stops the server at once, with a message naming the variable. */
export function checkConfigOrExit(): void {
  try {
    const config = getConfig();
    const { host, allowedHosts, frameAncestors } = config.serve;
    log.info(
      { consul: config.consulUrl, readOnly: config.readOnly, writes: config.access.writes, reads: config.access.reads, host, allowedHosts: allowedHosts.map((h) => (h.port ? `${h.host}:${h.port}` : h.host)), frameAncestors },
      `Consul Dashboard: Consul at ${config.consulUrl}${config.readOnly ? " (read-only)" : ""}; writes: ${config.access.writes}, reads: ${config.access.reads}`,
    );
  } catch (err) {
    if (err instanceof ConfigError) {
      // Plain text on stderr, not JSON: an operator reads this one at the terminal.
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * Starts the local datacenter's watch when the server starts and keeps it for the
 * server's life (DASHBOARD_WATCH_WARM, on by default). The first full read of a big
 * catalog takes seconds; done at start-up, the first screen gets a snapshot at once.
 * It costs two blocking queries on an idle dashboard.
 */
export function warmLocalWatch(): void {
  if (!getConfig().watch.warm) return;
  // A lease never released: the registry never stops this watch for idleness.
  getWatchRegistry().acquire(undefined);
}

/**
 * Renders the overview once at start-up, so the first person to open it does not also pay
 * for loading the page's server code (about a second on a busy 2-core machine). Best effort:
 * skipped when the port is unknown, and a failure is only logged.
 */
export function warmOverviewPage(): void {
  const { host, port } = getConfig().serve;
  if (!port || !getConfig().watch.warm) return;
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  const target = bare === "0.0.0.0" || bare === "::" ? "127.0.0.1" : bare.includes(":") ? `[${bare}]` : bare;
  setTimeout(() => {
    fetch(`http://${target}:${port}/`, { signal: AbortSignal.timeout(30_000) })
      .then((res) => res.arrayBuffer())
      .catch((err: unknown) => log.warn({ err }, "Start-up render of the overview failed"));
  }, 0);
}

/** Next.js start-up (instrumentation): check the configuration and session key, drain on SIGTERM, warn about a writing server token, warm the local watch and the overview, start the KV history watches. */
export function startServer(): void {
  checkConfigOrExit();
  prepareSessions();
  installShutdown(async () => {
    // Synchronously, first: Next exits as soon as its server has closed.
    try {
      getHistory().store.flushSync();
    } catch (err) {
      log.error({ err }, "Could not save the health history");
    }
    await getWatchRegistry().stopAll();
    await stopKvHistoryWatches();
    await closeHistoryStore().catch((err: unknown) => log.error({ err }, "Could not close the KV history store"));
  });
  void warnIfServerTokenWrites();
  warmLocalWatch();
  startKvHistoryWatches();
  warmOverviewPage();
}
