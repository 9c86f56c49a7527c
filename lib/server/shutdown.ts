import "server-only";
import { log } from "./log";
import { countSseStream } from "./metrics";

/**
 * Graceful stop on SIGTERM/SIGINT within DRAIN_MS. Next's own handler stops accepting
 * connections and waits for open requests, but an SSE stream never ends by itself:
 * this closes every open stream (browsers reconnect to another instance or after the
 * restart), stops the Consul watches and saves the health history, so Next's close
 * completes. If anything hangs, the process exits anyway when DRAIN_MS is up.
 */
export const DRAIN_MS = 10_000;

const KEY = Symbol.for("consul-dashboard.shutdown");
type Shutdown = { streams: Set<() => void>; installed: boolean; draining: boolean };
type WithShutdown = typeof globalThis & { [KEY]?: Shutdown };

function state(): Shutdown {
  const g = globalThis as WithShutdown;
  g[KEY] ??= { streams: new Set(), installed: false, draining: false };
  return g[KEY];
}

/** An open SSE stream, closed on shutdown; the returned function forgets it (call it when the stream closes). */
export function registerStream(close: () => void): () => void {
  const s = state();
  s.streams.add(close);
  countSseStream(1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    s.streams.delete(close);
    countSseStream(-1);
  };
}

export function openStreams(): number {
  return state().streams.size;
}

/** Closes streams, then runs `stop` (the wiring's: save history, stop the watches). */
async function drain(stop: () => Promise<void>): Promise<void> {
  const s = state();
  if (s.draining) return;
  s.draining = true;
  const streams = [...s.streams];
  log.info({ streams: streams.length }, "Shutting down: closing live streams, stopping watches, saving history");
  for (const close of streams) close();
  await stop();
  log.info("Drained");
}

/** Installs the SIGTERM/SIGINT handlers once per process (the wiring calls it at start-up). */
export function installShutdown(stop: () => Promise<void>): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    log.info({ signal }, "Signal received");
    // The hard deadline: exit even if a connection or a save hangs.
    setTimeout(() => {
      log.warn({ drainMs: DRAIN_MS }, "Shutdown did not finish in time; exiting");
      process.exit(signal === "SIGINT" ? 130 : 143);
    }, DRAIN_MS).unref();
    drain(stop).catch((err: unknown) => log.error({ err }, "Shutdown failed"));
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
