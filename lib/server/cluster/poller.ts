import "server-only";
import type { ClusterHealth } from "@/lib/api/estate";
import { getConsulClient } from "../consul";
import { isConsulError } from "../consul/errors";
import { readClusterHealth } from "../consul/operator";
import { log } from "../log";

/** How often Consul's own health is read per datacenter while someone looks (two small requests). */
export const CLUSTER_POLL_MS = 15_000;

const PENDING: ClusterHealth = { status: "pending", checkedAt: null, healthy: null, failureTolerance: null, leader: null, servers: [], message: null };

interface Slot {
  leases: number;
  health: ClusterHealth;
  timer: ReturnType<typeof setTimeout> | undefined;
  listeners: Set<() => void>;
  abort: AbortController;
}

/**
 * Reads each datacenter's raft configuration and autopilot health on a slow timer,
 * shared by every screen: however many screens show a datacenter, Consul is asked
 * twice per CLUSTER_POLL_MS. A datacenter is polled only while leased.
 */
export class ClusterPoller {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly read: (dc: string, signal: AbortSignal) => Promise<ClusterHealth>,
    private readonly intervalMs = CLUSTER_POLL_MS,
  ) {}

  health(dc: string): ClusterHealth {
    return this.slots.get(dc)?.health ?? PENDING;
  }

  /** Starts polling `dc` (at once, if it was not); `onChange` hears every new reading. Returns the release. */
  acquire(dc: string, onChange: () => void): () => void {
    let slot = this.slots.get(dc);
    if (!slot) {
      const created: Slot = { leases: 0, health: PENDING, timer: undefined, listeners: new Set(), abort: new AbortController() };
      this.slots.set(dc, created);
      slot = created;
      void this.tick(dc, created);
    }
    const s = slot;
    s.leases++;
    s.listeners.add(onChange);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      s.listeners.delete(onChange);
      if (--s.leases > 0) return;
      clearTimeout(s.timer);
      s.abort.abort();
      if (this.slots.get(dc) === s) this.slots.delete(dc);
    };
  }

  private async tick(dc: string, s: Slot): Promise<void> {
    if (s.abort.signal.aborted) return;
    // A read cut short because the last viewer left is not a failure worth logging.
    const next = await this.read(dc, s.abort.signal).catch((err: unknown) => (s.abort.signal.aborted ? undefined : failure(err)));
    if (s.abort.signal.aborted || !next) return;
    const changed = JSON.stringify({ ...next, checkedAt: null }) !== JSON.stringify({ ...s.health, checkedAt: null });
    s.health = next;
    if (changed) for (const l of s.listeners) l();
    s.timer = setTimeout(() => void this.tick(dc, s), this.intervalMs);
    s.timer.unref?.();
  }
}

function failure(err: unknown): ClusterHealth {
  const at = new Date().toISOString();
  if (isConsulError(err) && err.kind === "http" && err.status === 403) {
    return {
      ...PENDING,
      status: "forbidden",
      checkedAt: at,
      message: `The dashboard's token may not read Consul's own health: it needs the operator:read permission (operator = "read"). Consul said: ${err.message}`,
    };
  }
  if (!isConsulError(err)) log.error({ err }, "Reading Consul's cluster health failed");
  return { ...PENDING, status: "error", checkedAt: at, message: isConsulError(err) ? err.message : "Internal error; see the dashboard server's log" };
}

/** Reads one datacenter's cluster health through the process-wide Consul client ("" is the local one). */
export async function readClusterView(dc: string, signal: AbortSignal): Promise<ClusterHealth> {
  const r = await readClusterHealth(getConsulClient(), { dc: dc || undefined, signal });
  return {
    status: r.healthy ? "healthy" : "unhealthy",
    checkedAt: new Date().toISOString(),
    healthy: r.healthy,
    failureTolerance: r.failureTolerance,
    leader: r.servers.find((s) => s.leader)?.name ?? null,
    servers: r.servers,
    message: null,
  };
}

const KEY = Symbol.for("consul-dashboard.cluster-poller");
type WithPoller = typeof globalThis & { [KEY]?: ClusterPoller };

/** The process-wide poller (on globalThis so every route bundle shares it). */
export function getClusterPoller(): ClusterPoller {
  const g = globalThis as WithPoller;
  g[KEY] ??= new ClusterPoller(readClusterView);
  return g[KEY];
}
