import { describe, expect, it } from "vitest";
import type { HealthCheck, ServiceInstance } from "./types";
import { nodeImpact, nodeRollup, nodeStatus } from "./nodes";

const inst = (service: string, node: string, id = service): ServiceInstance => ({ node, id, service, address: "192.0.2.1", port: 80, tags: [], meta: {} });
const chk = (node: string, checkId: string, status: HealthCheck["status"], serviceId = ""): HealthCheck => ({
  node,
  checkId,
  name: `${checkId}-name`,
  status,
  serviceId,
  serviceName: "",
  type: "",
  output: "",
  notes: "",
});

describe("nodeStatus", () => {
  it("is the worst node check, maintenance above critical above warning", () => {
    expect(nodeStatus([])).toBe("passing");
    expect(nodeStatus([chk("n", "a", "warning")])).toBe("warning");
    expect(nodeStatus([chk("n", "a", "warning"), chk("n", "b", "critical")])).toBe("critical");
    expect(nodeStatus([chk("n", "b", "critical"), chk("n", "_node_maintenance", "critical")])).toBe("maintenance");
    expect(nodeStatus([chk("n", "a", "passing")])).toBe("passing");
  });
});

describe("nodeRollup", () => {
  it("counts instances and unhealthy ones per node, a node check making every instance unhealthy", () => {
    const nodes = [
      { name: "n1", address: "10.0.0.1" },
      { name: "n2", address: "10.0.0.2" },
      { name: "idle", address: "10.0.0.9" },
    ];
    const instances = [inst("web", "n1", "web-1"), inst("api", "n1", "api-1"), inst("web", "n2", "web-2"), inst("api", "n2", "api-2")];
    const checks = [chk("n1", "disk", "critical"), chk("n2", "api-chk", "warning", "api-2")];
    const out = nodeRollup(nodes, instances, checks);
    expect(out.map((n) => n.name)).toEqual(["idle", "n1", "n2"]);
    expect(out[0]).toEqual({ name: "idle", address: "10.0.0.9", status: "passing", failingChecks: [], instances: 0, unhealthy: 0, services: [] });
    expect(out[1]).toMatchObject({ address: "10.0.0.1", status: "critical", failingChecks: ["disk-name"], instances: 2, unhealthy: 2, services: ["api", "web"] });
    // A service check does not change the node's own status, but its instance is unhealthy.
    expect(out[2]).toMatchObject({ status: "passing", failingChecks: [], instances: 2, unhealthy: 1 });
  });

  it("keeps nodes the node list misses, and ignores passing checks", () => {
    const out = nodeRollup([], [inst("web", "ghost")], [chk("ghost", "serfHealth", "passing")]);
    expect(out).toEqual([{ name: "ghost", address: "", status: "passing", failingChecks: [], instances: 1, unhealthy: 0, services: ["web"] }]);
  });

  it("says maintenance for a node in maintenance mode", () => {
    const out = nodeRollup([{ name: "n", address: "a" }], [inst("web", "n")], [chk("n", "_node_maintenance", "critical")]);
    expect(out[0]).toMatchObject({ status: "maintenance", unhealthy: 1 });
  });
});

describe("nodeImpact", () => {
  it("lists services that lose a healthy instance, and those left with none", () => {
    const all = [
      { service: "web", node: "n1", healthy: true },
      { service: "web", node: "n2", healthy: true },
      { service: "db", node: "n1", healthy: true },
      { service: "db", node: "n2", healthy: false },
      { service: "cache", node: "n1", healthy: false },
      { service: "cache", node: "n2", healthy: true },
      { service: "solo", node: "n1", healthy: true },
    ];
    const r = nodeImpact("n1", all);
    expect(r.degraded).toEqual([{ service: "web", healthy: 2, total: 2, healthyHere: 1, healthyAfter: 1 }]);
    expect(r.down.map((s) => s.service)).toEqual(["db", "solo"]);
    expect(r.down[0]).toEqual({ service: "db", healthy: 1, total: 2, healthyHere: 1, healthyAfter: 0 });
  });

  it("counts two instances of one service on the node", () => {
    const r = nodeImpact("n1", [
      { service: "web", node: "n1", healthy: true },
      { service: "web", node: "n1", healthy: true },
    ]);
    expect(r.down).toEqual([{ service: "web", healthy: 2, total: 2, healthyHere: 2, healthyAfter: 0 }]);
    expect(r.degraded).toEqual([]);
  });

  it("is empty for a node whose instances are all unhealthy already", () => {
    expect(nodeImpact("n1", [{ service: "web", node: "n1", healthy: false }])).toEqual({ degraded: [], down: [] });
  });
});
