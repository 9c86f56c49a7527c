import { describe, expect, it } from "vitest";
import { compareByProblemFirst, rollup, serviceStatus, statusTotals } from "./rollup";
import type { CheckStatus, HealthCheck, ServiceInstance } from "./types";

function inst(service: string, node: string, id = service, tags: string[] = []): ServiceInstance {
  return { node, id, service, address: "10.0.0.1", port: 80, tags, meta: {} };
}

function check(node: string, checkId: string, status: CheckStatus, serviceId = "", extra: Partial<HealthCheck> = {}): HealthCheck {
  return {
    node,
    checkId,
    name: extra.name ?? checkId,
    status,
    serviceId,
    serviceName: "",
    type: "",
    output: "",
    notes: "",
    ...extra,
  };
}

function one(services: ReturnType<typeof rollup>, name: string) {
  const s = services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
}

describe("rollup", () => {
  it("counts an instance healthy when all its checks pass: OK", () => {
    const r = rollup([inst("web", "n1"), inst("web", "n2")], [check("n1", "c", "passing", "web"), check("n2", "c", "passing", "web")]);
    expect(one(r, "web")).toMatchObject({ healthy: 2, total: 2, status: "OK", failingChecks: [] });
  });

  it("treats warning as unhealthy", () => {
    const r = rollup([inst("web", "n1"), inst("web", "n2")], [check("n1", "c", "warning", "web")]);
    const web = one(r, "web");
    expect(web).toMatchObject({ healthy: 1, total: 2, status: "DEGRADED", failingChecks: ["c"] });
    expect(web.instances[0]?.problems[0]).toMatchObject({ status: "warning", nodeLevel: false, maintenance: false });
  });

  it("applies a node-level check to every instance on that node", () => {
    const r = rollup(
      [inst("web", "n1"), inst("api", "n1"), inst("api", "n2")],
      [check("n1", "serfHealth", "critical", "", { name: "Serf Health Status" })],
    );
    expect(one(r, "web")).toMatchObject({ healthy: 0, total: 1, status: "DOWN" });
    expect(one(r, "api")).toMatchObject({ healthy: 1, total: 2, status: "DEGRADED", failingChecks: ["Serf Health Status"] });
    expect(one(r, "api").instances[0]?.problems[0]).toMatchObject({ nodeLevel: true, checkId: "serfHealth" });
  });

  it("does not apply a service check to another service on the same node", () => {
    const r = rollup([inst("web", "n1"), inst("api", "n1")], [check("n1", "web-http", "critical", "web")]);
    expect(one(r, "web").status).toBe("DOWN");
    expect(one(r, "api")).toMatchObject({ healthy: 1, total: 1, status: "OK" });
  });

  it("counts an instance without checks as healthy", () => {
    const r = rollup([inst("static", "n1")], []);
    expect(one(r, "static")).toMatchObject({ healthy: 1, total: 1, status: "OK" });
    expect(one(r, "static").instances[0]?.checks).toEqual([]);
  });

  it("treats service maintenance as unhealthy and names it maintenance with its reason", () => {
    const r = rollup(
      [inst("web", "n1", "web-1"), inst("web", "n1", "web-2")],
      [check("n1", "_service_maintenance:web-1", "critical", "web-1", { notes: "deploying v2" })],
    );
    const web = one(r, "web");
    expect(web).toMatchObject({ healthy: 1, total: 2, status: "DEGRADED", inMaintenance: 1 });
    expect(web.instances[0]?.maintenance).toEqual({ scope: "service", reason: "deploying v2" });
    expect(web.instances[1]?.maintenance).toBeNull();
  });

  it("treats node maintenance as maintenance of every instance on the node", () => {
    const r = rollup(
      [inst("web", "n1"), inst("api", "n1")],
      [check("n1", "_node_maintenance", "critical", "", { notes: "kernel upgrade" })],
    );
    for (const name of ["web", "api"]) {
      expect(one(r, name)).toMatchObject({ healthy: 0, status: "DOWN", inMaintenance: 1 });
      expect(one(r, name).instances[0]?.maintenance).toEqual({ scope: "node", reason: "kernel upgrade" });
    }
  });

  it("counts two instances of one service on one node as two", () => {
    const r = rollup(
      [inst("worker", "n1", "worker-a"), inst("worker", "n1", "worker-b")],
      [check("n1", "w", "passing", "worker-a"), check("n1", "w", "critical", "worker-b")],
    );
    expect(one(r, "worker")).toMatchObject({ healthy: 1, total: 2, status: "DEGRADED" });
  });

  it("is DOWN when no instance is healthy", () => {
    const r = rollup([inst("db", "n1"), inst("db", "n2")], [check("n1", "c", "critical", "db"), check("n2", "c", "warning", "db")]);
    expect(one(r, "db")).toMatchObject({ healthy: 0, total: 2, status: "DOWN" });
  });

  it("collects tags across instances and lists failing checks by frequency", () => {
    const r = rollup(
      [inst("web", "n1", "web", ["v1", "eu"]), inst("web", "n2", "web", ["v2", "eu"]), inst("web", "n3", "web")],
      [check("n1", "a", "critical", "web"), check("n2", "a", "critical", "web"), check("n2", "b", "warning", "web")],
    );
    expect(one(r, "web").tags).toEqual(["eu", "v1", "v2"]);
    expect(one(r, "web").failingChecks).toEqual(["a", "b"]);
  });
});

describe("serviceStatus", () => {
  it("follows healthy == total → OK, 0 → DOWN, otherwise DEGRADED", () => {
    expect(serviceStatus(3, 3)).toBe("OK");
    expect(serviceStatus(0, 3)).toBe("DOWN");
    expect(serviceStatus(1, 3)).toBe("DEGRADED");
    expect(serviceStatus(0, 0)).toBe("DOWN");
  });
});

describe("ordering and totals", () => {
  it("puts DOWN, then DEGRADED, then OK, then name order", () => {
    const list = [
      { name: "b", status: "OK" as const },
      { name: "a", status: "OK" as const },
      { name: "z", status: "DOWN" as const },
      { name: "c", status: "DEGRADED" as const },
    ];
    expect([...list].sort(compareByProblemFirst).map((s) => s.name)).toEqual(["z", "c", "a", "b"]);
    expect(statusTotals(list)).toEqual({ services: 4, OK: 2, DEGRADED: 1, DOWN: 1 });
  });
});
