import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Every Prometheus metric of the dashboard, in one registry kept on globalThis so
 * Next's route bundles (and hot reload in development) share one set. Call sites are
 * one line each: the helpers below are all they need.
 */

/** What a live watch exposes to the metrics (kept structural to avoid an import cycle). */
export interface WatchGaugeSource {
  readonly dc: string | undefined;
  readonly stopped: boolean;
  readonly state: { lastUpdate: string | null };
  readonly serviceWatches: number;
}

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "consul_dashboard_" });
  const watches = new Set<WatchGaugeSource>();
  const dcLabel = (dc: string | undefined) => dc ?? "local";
  const m = {
    registry,
    watches,
    consulRequests: new Counter({
      name: "consul_dashboard_consul_requests_total",
      help: "Requests to Consul's HTTP API by endpoint group and outcome (ok, http_4xx, http_5xx, network, timeout, aborted)",
      labelNames: ["group", "outcome"] as const,
      registers: [registry],
    }),
    consulLatency: new Histogram({
      name: "consul_dashboard_consul_request_duration_seconds",
      help: "Time to a complete answer from Consul; blocking=true are blocking queries, which wait for a change by design",
      labelNames: ["group", "blocking"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    watchRoundAge: new Gauge({
      name: "consul_dashboard_watch_round_age_seconds",
      help: "Seconds since the datacenter watch last had a successful round (local = the agent's own datacenter)",
      labelNames: ["dc"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const w of watches) {
          if (w.stopped || !w.state.lastUpdate) continue;
          this.set({ dc: dcLabel(w.dc) }, Math.max(0, (Date.now() - Date.parse(w.state.lastUpdate)) / 1000));
        }
      },
    }),
    watchErrors: new Counter({
      name: "consul_dashboard_watch_errors_total",
      help: "Failed rounds of a datacenter watch",
      labelNames: ["dc"] as const,
      registers: [registry],
    }),
    serviceWatches: new Gauge({
      name: "consul_dashboard_service_watches",
      help: "Per-service blocking watches running (one per service page being viewed)",
      registers: [registry],
      collect() {
        let n = 0;
        for (const w of watches) if (!w.stopped) n += w.serviceWatches;
        this.set(n);
      },
    }),
    sseStreams: new Gauge({
      name: "consul_dashboard_sse_streams",
      help: "Open Server-Sent Events streams (/api/events)",
      registers: [registry],
    }),
    kvWrites: new Counter({
      name: "consul_dashboard_kv_writes_total",
      help: "KV writes through the dashboard by outcome (saved, conflict, denied, refused, error)",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    sessions: new Gauge({
      name: "consul_dashboard_operator_sessions",
      help: "Distinct operator tokens (signed-in sessions) the server has verified since it started",
      registers: [registry],
    }),
  };
  for (const o of ["saved", "conflict", "denied", "refused", "error"]) m.kvWrites.inc({ outcome: o }, 0);
  return m;
}

const KEY = Symbol.for("consul-dashboard.metrics");
type WithMetrics = typeof globalThis & { [KEY]?: ReturnType<typeof create> };

function metrics() {
  const g = globalThis as WithMetrics;
  g[KEY] ??= create();
  return g[KEY];
}

export type ConsulOutcome = "ok" | "http_4xx" | "http_5xx" | "network" | "timeout" | "aborted" | "parse";

function outcomeOf(err: unknown): ConsulOutcome {
  const e = err as { kind?: string; status?: number };
  if (e?.kind === "http") return (e.status ?? 500) >= 500 ? "http_5xx" : "http_4xx";
  if (e?.kind === "network" || e?.kind === "timeout" || e?.kind === "parse") return e.kind;
  return "aborted";
}

/** Times one Consul request and counts its outcome; the request's own result or error passes through. */
export async function timeConsulRequest<T>(group: string, isBlocking: boolean, send: () => Promise<T>): Promise<T> {
  const m = metrics();
  const blocking = isBlocking ? "true" : "false";
  const end = m.consulLatency.startTimer({ group, blocking });
  try {
    const res = await send();
    m.consulRequests.inc({ group, outcome: "ok" });
    end();
    return res;
  } catch (err) {
    const outcome = outcomeOf(err);
    m.consulRequests.inc({ group, outcome });
    if (outcome !== "aborted") end();
    throw err;
  }
}

/** A datacenter watch started (its round age and service watches are read when scraped). */
export function trackWatch(w: WatchGaugeSource): void {
  metrics().watches.add(w);
}

export function untrackWatch(w: WatchGaugeSource): void {
  metrics().watches.delete(w);
}

export function countWatchError(dc: string | undefined): void {
  metrics().watchErrors.inc({ dc: dc ?? "local" });
}

/** +1 when an SSE stream opens, -1 when it closes. */
export function countSseStream(delta: 1 | -1): void {
  metrics().sseStreams.inc(delta);
}

/** saved; conflict (check-and-set lost); denied (Consul ACL); refused (read-only, too large, bad key); error (Consul failed). */
export type KvWriteOutcome = "saved" | "conflict" | "denied" | "refused" | "error";

export function countKvWrite(outcome: KvWriteOutcome): void {
  metrics().kvWrites.inc({ outcome });
}

/** Classifies a failed write: Consul's 403 is denied, its other 4xx refused, anything else an error. */
export function kvWriteFailure(err: unknown): KvWriteOutcome {
  const e = err as { kind?: string; status?: number };
  if (e?.kind === "http" && e.status === 403) return "denied";
  if (e?.kind === "http" && e.status !== undefined && e.status < 500) return "refused";
  return "error";
}

export function countOperatorSession(): void {
  metrics().sessions.inc();
}

/** The Prometheus text exposition of every metric. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
