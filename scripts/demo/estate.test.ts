import { describe, expect, it } from "vitest";
import { AGENT_SERVICES, catalogFlaps, DEMO_NODES, demoInstances, estateCounts, FAILING_NODE } from "./estate";
import { resolveFlap } from "./flapping";
import { chunk, TXN_MAX_OPS } from "../consul/seed-api";
import { catalogTxnOps } from "./register";
import { isDown } from "./schedule";

describe("demo estate", () => {
  const instances = demoInstances();

  it("is big enough to look real: ≥12 services over several nodes, several instances each", () => {
    const counts = estateCounts();
    expect(counts.services).toBeGreaterThanOrEqual(12);
    expect(counts.nodes).toBeGreaterThanOrEqual(6);
    const perService = new Map<string, number>();
    for (const i of instances) perService.set(i.service, (perService.get(i.service) ?? 0) + 1);
    const multi = [...perService.values()].filter((n) => n >= 2).length;
    expect(multi).toBeGreaterThanOrEqual(12);
  });

  it("has unique instance IDs and only known nodes", () => {
    expect(new Set(instances.map((i) => i.id)).size).toBe(instances.length);
    const names = new Set(DEMO_NODES.map((n) => n.name));
    for (const i of instances) expect(names.has(i.node), i.node).toBe(true);
  });

  it("has one node failing as a whole, with services on it", () => {
    const failing = DEMO_NODES.filter((n) => n.checks.some((c) => c.status === "critical"));
    expect(failing.map((n) => n.name)).toEqual([FAILING_NODE]);
    expect(instances.filter((i) => i.node === FAILING_NODE).length).toBeGreaterThanOrEqual(2);
  });

  it("has a service with no checks at all, version and zone meta everywhere", () => {
    expect(instances.some((i) => i.checks.length === 0)).toBe(true);
    for (const i of instances) {
      expect(i.meta.version, i.id).toBeTruthy();
      expect(i.meta.zone, i.id).toMatch(/^eu-west-1[abc]$/);
    }
  });

  it("has real agent checks that flap, and one instance in maintenance", () => {
    expect(AGENT_SERVICES.filter((s) => s.check === "http" && s.schedule).length).toBeGreaterThanOrEqual(1);
    expect(AGENT_SERVICES.filter((s) => s.check === "tcp" && s.schedule).length).toBeGreaterThanOrEqual(1);
    expect(AGENT_SERVICES.filter((s) => s.maintenance).length).toBe(1);
  });

  it("rotates catalog flaps through different checks that exist, one outage at a time", () => {
    const flaps = catalogFlaps();
    expect(new Set(flaps.map((f) => f.checkId)).size).toBe(flaps.length);
    for (const f of flaps) expect(() => resolveFlap(f, DEMO_NODES, instances)).not.toThrow();
    // Every second of two full periods: never two catalog outages at once, and each one happens.
    const period = flaps[0]!.schedule.periodMs;
    const seen = new Set<string>();
    for (let t = 0; t < 2 * period + 60_000; t += 1_000) {
      const down = flaps.filter((f) => isDown(f.schedule, t));
      expect(down.length, `at ${t} ms`).toBeLessThanOrEqual(1);
      for (const f of down) seen.add(f.checkId);
    }
    expect(seen.size).toBe(flaps.length);
  });
});

describe("catalog transaction", () => {
  const ops = catalogTxnOps(DEMO_NODES, demoInstances());

  it("registers nodes, services and checks, every service before any service check", () => {
    const kinds = ops.map((op) => Object.keys(op)[0]);
    expect(kinds.filter((k) => k === "Node")).toHaveLength(DEMO_NODES.length);
    const lastService = kinds.lastIndexOf("Service");
    const firstServiceCheck = ops.findIndex((op) => {
      const c = (op as { Check?: { Check: { ServiceID: string } } }).Check;
      return c !== undefined && c.Check.ServiceID !== "";
    });
    expect(firstServiceCheck).toBeGreaterThan(lastService);
  });

  it("chunks within Consul's 128-operation limit without losing any", () => {
    const batches = chunk(ops, TXN_MAX_OPS);
    expect(batches.every((b) => b.length <= TXN_MAX_OPS)).toBe(true);
    expect(batches.flat()).toEqual(ops);
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(() => chunk([1], 0)).toThrow(/at least 1/);
  });
});
