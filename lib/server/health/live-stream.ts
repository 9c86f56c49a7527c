import "server-only";
import {
  HEARTBEAT_SECONDS,
  type OverviewDelta,
  type OverviewSnapshot,
  type ServiceEvent,
  type WatchState,
} from "@/lib/api/live";
import type { DcWatch, WatchEvent } from "../watch/dc-watch";
import { toSummary } from "../watch/diff";
import { registerStream } from "../shutdown";
import { PROVISIONAL_READ_MS } from "../watch/early-read";
import { provisionalRows, type Provisional } from "../watch/provisional";
import type { WatchLease } from "../watch/registry";

export type StreamScope = { kind: "overview" } | { kind: "service"; name: string };

const encoder = new TextEncoder();

function frame(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function overviewSnapshot(watch: DcWatch): OverviewSnapshot {
  return {
    dc: watch.dc ?? null,
    state: watch.state,
    services: watch.services().map((e) => toSummary(e.detail)),
    transitions: watch.transitions.recent(50),
  };
}

/**
 * The snapshot frame of a watch at one version, shared by every screen that connects
 * before it changes: 50 viewers opening at once would otherwise each build and hold a
 * megabyte-sized copy at 5,000 services (the server's memory peak in the benchmark).
 */
const snapshotFrames = new WeakMap<DcWatch, { version: number; frame: Uint8Array }>();

function overviewSnapshotFrame(watch: DcWatch): Uint8Array {
  const hit = snapshotFrames.get(watch);
  if (hit?.version === watch.version) return hit.frame;
  const built = { version: watch.version, frame: frame("snapshot", overviewSnapshot(watch)) };
  snapshotFrames.set(watch, built);
  return built.frame;
}

/** The early snapshot of provisional rows, shared the same way (per read and watch state) during a cold start. */
const provisionalFrames = new WeakMap<Provisional, { state: WatchState; frame: Uint8Array }>();

function provisionalSnapshotFrame(watch: DcWatch, p: Provisional): Uint8Array {
  const hit = provisionalFrames.get(p);
  if (hit?.state === watch.state) return hit.frame;
  const early: OverviewSnapshot = { dc: watch.dc ?? null, state: watch.state, services: p.rows, transitions: [] };
  const built = { state: watch.state, frame: frame("snapshot", early) };
  provisionalFrames.set(p, built);
  return built.frame;
}

function serviceEvent(watch: DcWatch, name: string): ServiceEvent {
  return { dc: watch.dc ?? null, service: watch.service(name)?.detail ?? null, transitions: watch.transitions.recent(50, name) };
}

/**
 * An SSE body for one screen: a snapshot once the watch has data, then only
 * deltas (changed services), state changes and heartbeat comments. The lease is
 * released when the browser goes away, so the shared watch knows its viewers.
 */
export function liveStream(lease: WatchLease, scope: StreamScope, abort: AbortSignal): ReadableStream<Uint8Array> {
  const { watch } = lease;
  // A service's screen shows passing checks too: watch that one service in full while it is open,
  // but only once the shared watch knows the service (a per-service query never starts for a name
  // Consul does not list). Past the cap (DASHBOARD_MAX_SERVICE_WATCHES) a new stream is refused;
  // a stream whose service appears later goes without passing-check detail rather than fail.
  let releaseService: (() => void) | undefined;
  const ensureServiceWatch = (refuse: boolean) => {
    if (scope.kind !== "service" || releaseService || watch.service(scope.name) === undefined) return;
    try {
      releaseService = watch.watchService(scope.name);
    } catch (err) {
      if (refuse) throw err;
    }
  };
  ensureServiceWatch(true);
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let sentSnapshot = false;
      const untrack = registerStream(() => cleanup());
      const send = (chunk: Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup();
        }
      };
      const sendSnapshot = () => {
        sentSnapshot = true;
        if (scope.kind === "overview") send(overviewSnapshotFrame(watch));
        else send(frame("service", serviceEvent(watch, scope.name)));
      };
      const onEvent = (e: WatchEvent) => {
        if (e.type === "state") {
          send(frame("state", e.state satisfies WatchState));
          return;
        }
        // The first answer after start-up (or after the watch was empty) becomes the snapshot.
        if (!sentSnapshot) return sendSnapshot();
        if (scope.kind === "overview") {
          if (!e.diff.summaryChanged.length && !e.diff.removed.length && !e.transitions.length) return;
          const delta: OverviewDelta = {
            changed: e.diff.summaryChanged.flatMap((n) => {
              const entry = watch.service(n);
              return entry ? [toSummary(entry.detail)] : [];
            }),
            removed: e.diff.removed,
            transitions: e.transitions,
          };
          send(frame("delta", delta));
        } else if (e.diff.detailChanged.includes(scope.name) || e.diff.removed.includes(scope.name)) {
          send(frame("service", serviceEvent(watch, scope.name)));
        }
      };

      // Reconnect quickly after a drop; EventSource honours `retry`.
      send(encoder.encode(`retry: 2000\n\n`));
      send(frame("state", watch.state));
      if (watch.ready) sendSnapshot();
      else if (scope.kind === "overview") {
        // A starting watch's first full read takes seconds at 50,000 instances: the provisional
        // rows (watch/provisional.ts) go out first as a snapshot, and the full one replaces them.
        void provisionalRows(watch, PROVISIONAL_READ_MS).then((p) => {
          if (p && !sentSnapshot && !watch.ready) send(provisionalSnapshotFrame(watch, p));
        });
      }
      const unsubscribe = watch.subscribe((e) => {
        if (e.type === "update") ensureServiceWatch(false);
        onEvent(e);
        // A watch that was starting gets data: the first "live" state is followed by a snapshot.
        if (e.type === "state" && !sentSnapshot && watch.ready) sendSnapshot();
      });
      // A named event, not just a comment: EventSource hides comments, and the browser must notice silence.
      const heartbeat = setInterval(() => send(frame("ping", { at: new Date().toISOString() })), HEARTBEAT_SECONDS * 1000);

      cleanup = () => {
        if (closed) return;
        closed = true;
        untrack();
        clearInterval(heartbeat);
        unsubscribe();
        releaseService?.();
        lease.release();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      abort.addEventListener("abort", () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}
