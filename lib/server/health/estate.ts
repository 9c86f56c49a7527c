import "server-only";
import type { DatacenterRow, Estate, EstateProblem } from "@/lib/api/estate";
import type { NodeStatus } from "@/lib/api/nodes";
import { compareByProblemFirst, statusTotals } from "@/lib/health/rollup";
import { getClusterPoller } from "../cluster/poller";
import type { DcWatch } from "../watch/dc-watch";
import type { WatchLease } from "../watch/registry";
import { toSummary } from "../watch/diff";
import { getWatchRegistry } from "../wiring";
import { listDatacenters } from "./datacenters";
import { nodeFeed } from "./node-feed";
import { sseBody, sseFrame, type SseSink } from "./sse";

/** How often the datacenter list is read again while the estate is watched (it is cached that long anyway). */
const LIST_REFRESH_MS = 30_000;
/** Changes in many datacenters at once become one frame. */
const COALESCE_MS = 250;
const FAILING_NODES_SHOWN = 20;
const NODE_RANK: Record<NodeStatus, number> = { critical: 0, maintenance: 1, warning: 2, passing: 3 };

interface Watched {
  lease: WatchLease;
  off: () => void;
}

/** One datacenter's row from its shared watch and the cluster poller. */
export function datacenterRow(name: string, watch: DcWatch): DatacenterRow {
  const services = watch.services().map((e) => e.detail);
  const nodes = watch.ready ? nodeFeed(watch).nodes() : [];
  const failing = nodes.filter((n) => n.status !== "passing").sort((a, b) => NODE_RANK[a.status] - NODE_RANK[b.status] || a.name.localeCompare(b.name));
  return {
    name,
    state: watch.state,
    ready: watch.ready,
    totals: statusTotals(services),
    nodes: nodes.length,
    failingNodes: failing.slice(0, FAILING_NODES_SHOWN).map((n) => n.name),
    failingNodeCount: failing.length,
    cluster: getClusterPoller().health(name),
  };
}

/**
 * Every datacenter at once, shared by every screen that shows it (/datacenters, the
 * wall's `?dc=all`): while at least one screen is open it leases each datacenter's
 * shared watch and cluster poll, builds the estate once per change (coalesced) and
 * sends the same frame to every screen. More screens cost Consul nothing more.
 */
class EstateHub {
  private readonly viewers = new Set<SseSink>();
  private readonly watched = new Map<string, Watched>();
  private order: string[] = [];
  private listProblem: string | null = null;
  private lastJson = "";
  private lastFrame: Uint8Array | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listTimer: ReturnType<typeof setInterval> | undefined;

  join(sink: SseSink): () => void {
    this.viewers.add(sink);
    if (this.viewers.size === 1) this.start();
    else if (this.lastFrame) sink.send(this.lastFrame);
    return () => {
      this.viewers.delete(sink);
      if (this.viewers.size === 0) this.stop();
    };
  }

  private start(): void {
    void this.syncList();
    this.listTimer = setInterval(() => void this.syncList(), LIST_REFRESH_MS);
    this.listTimer.unref?.();
  }

  private stop(): void {
    clearInterval(this.listTimer);
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.watched.values()) {
      w.off();
      w.lease.release();
    }
    this.watched.clear();
    this.lastJson = "";
    this.lastFrame = undefined;
  }

  private async syncList(): Promise<void> {
    try {
      const list = await listDatacenters();
      if (this.viewers.size === 0) return;
      this.listProblem = null;
      // Consul lists the local datacenter first: it uses the local watch (no ?dc=), the one warmed at start-up.
      list.forEach((dc, i) => {
        if (!this.watched.has(dc)) this.watch(dc, i === 0 ? undefined : dc);
      });
      // A datacenter Consul stops listing keeps its row (shown unreachable) until the screens close.
      this.order = [...list, ...this.order.filter((d) => !list.includes(d))];
    } catch (err) {
      this.listProblem = `Cannot list the datacenters: ${err instanceof Error ? err.message : String(err)}`;
    }
    this.schedule();
  }

  private watch(name: string, key: string | undefined): void {
    const lease = getWatchRegistry().acquire(key);
    const offRound = lease.watch.onRound(() => this.schedule());
    const offState = lease.watch.subscribe((e) => {
      if (e.type === "state") this.schedule();
    });
    const offCluster = getClusterPoller().acquire(name, () => this.schedule());
    this.watched.set(name, {
      lease,
      off: () => {
        offRound();
        offState();
        offCluster();
      },
    });
  }

  private schedule(): void {
    if (this.timer || this.viewers.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.broadcast();
    }, COALESCE_MS);
  }

  private broadcast(): void {
    const estate = this.build();
    const json = JSON.stringify({ ...estate, at: "" });
    if (json === this.lastJson) return;
    this.lastJson = json;
    this.lastFrame = sseFrame("estate", estate);
    for (const v of this.viewers) v.send(this.lastFrame);
  }

  private build(): Estate {
    const datacenters: DatacenterRow[] = [];
    const problems: EstateProblem[] = [];
    for (const name of this.order) {
      const w = this.watched.get(name);
      if (!w) continue;
      datacenters.push(datacenterRow(name, w.lease.watch));
      for (const e of w.lease.watch.services()) if (e.detail.status !== "OK") problems.push({ ...toSummary(e.detail), dc: name });
    }
    problems.sort((a, b) => compareByProblemFirst(a, b) || a.dc.localeCompare(b.dc));
    return { at: new Date().toISOString(), datacenters, problems, listProblem: this.listProblem };
  }
}

const KEY = Symbol.for("consul-dashboard.estate-hub");
type WithHub = typeof globalThis & { [KEY]?: EstateHub };

function hub(): EstateHub {
  const g = globalThis as WithHub;
  g[KEY] ??= new EstateHub();
  return g[KEY];
}

/** `/api/events?scope=datacenters`: the `estate` event whenever any datacenter changes, plus heartbeats. */
export function estateStream(abort: AbortSignal): ReadableStream<Uint8Array> {
  return sseBody(abort, (sink) => hub().join(sink));
}
