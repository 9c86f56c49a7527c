import "server-only";
import { getConfig } from "../config";
import { getWatchRegistry } from "./registry";

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
