import type { SeedApi } from "../consul/seed-api";
import type { FlappingTcpServer } from "./demo-servers";
import type { CatalogFlap, DemoCheck, DemoInstance, DemoNode } from "./estate";
import { isDown, type Schedule } from "./schedule";

export interface FlapperOptions {
  consul: SeedApi;
  nodes: DemoNode[];
  instances: DemoInstance[];
  flaps: CatalogFlap[];
  tcp?: { server: FlappingTcpServer; schedule: Schedule };
  elapsedMs: () => number;
  log: (msg: string) => void;
  /** How often to compare the schedules with what was last written. */
  tickMs?: number;
}

export interface Flapper {
  stop(): Promise<void>;
}

/**
 * One timer drives every scheduled change: synthetic catalog checks (which
 * never change by themselves) and the TCP server. It writes only on a
 * transition, so the agent sees one request per change, never a stream.
 */
export function startFlapper(opts: FlapperOptions): Flapper {
  const lastDown = new Map<CatalogFlap, boolean>(opts.flaps.map((f) => [f, false]));
  const targets = opts.flaps.map((f) => ({ flap: f, ...resolveFlap(f, opts.nodes, opts.instances) }));
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const tick = async () => {
    const now = opts.elapsedMs();
    for (const t of targets) {
      const down = isDown(t.flap.schedule, now);
      if (down === lastDown.get(t.flap)) continue;
      const check: DemoCheck = down ? { ...t.check, status: t.flap.status, output: t.flap.output } : t.check;
      try {
        // Only the check: the node keeps its address and meta.
        await opts.consul.updateCheck(t.node.name, check, t.node.address);
        lastDown.set(t.flap, down);
        opts.log(`${t.check.serviceId ?? t.node.name}: ${t.check.name} → ${check.status}`);
      } catch (err) {
        if (!stopped) opts.log(`could not flip ${t.check.id}: ${String(err)} (will retry)`);
      }
    }
    if (opts.tcp) {
      const down = isDown(opts.tcp.schedule, now);
      if (down === opts.tcp.server.listening()) {
        try {
          await opts.tcp.server.setDown(down);
          opts.log(`redis-local: TCP ${opts.tcp.server.address} ${down ? "stopped listening" : "listening again"}`);
        } catch (err) {
          if (!stopped) opts.log(`could not ${down ? "stop" : "restart"} the demo TCP server: ${String(err)} (will retry)`);
        }
      }
    }
  };

  const timer = setInterval(() => {
    // Never overlap ticks: a slow agent must not get concurrent writes for one check.
    running = running.then(() => (stopped ? undefined : tick()));
  }, opts.tickMs ?? 500);

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

export function resolveFlap(flap: CatalogFlap, nodes: DemoNode[], instances: DemoInstance[]): { node: DemoNode; check: DemoCheck } {
  const node = nodes.find((n) => n.name === flap.node);
  const check = [...(node?.checks ?? []), ...instances.filter((i) => i.node === flap.node).flatMap((i) => i.checks)].find(
    (c) => c.id === flap.checkId,
  );
  if (!node || !check) throw new Error(`flap refers to a check that is not in the estate: ${flap.node}/${flap.checkId}`);
  return { node, check };
}
