import { describe, expect, it } from "vitest";
import { provisionalSummaries, type ServiceCount } from "./provisional";
import { rollup } from "./rollup";
import type { HealthCheck, ServiceInstance } from "./types";

const AT = "2026-12-02T10:00:00.000Z";

function check(node: string, checkId: string, status: HealthCheck["status"], service?: { id: string; name: string }): HealthCheck {
  return { node, checkId, name: checkId, status, serviceId: service?.id ?? "", serviceName: service?.name ?? "", type: "", output: "", notes: "" };
}

function inst(node: string, id: string, service: string): ServiceInstance {
  return { node, id, service, address: "10.0.0.1", port: 80, tags: [], meta: {} };
}

describe("provisional overview from service counts and non-passing checks", () => {
  const services: ServiceCount[] = [
    { name: "web", tags: ["b", "a"], nodes: ["n1", "n2", "n3"], instances: 3 },
    { name: "db", tags: [], nodes: ["n4"], instances: 1 },
    { name: "cache", tags: [], nodes: ["n2", "n5"], instances: 2 },
  ];

  it("counts an instance with failing service checks once, and names the checks", () => {
    const nonPassing = [check("n1", "http", "critical", { id: "web-1", name: "web" }), check("n1", "disk", "warning", { id: "web-1", name: "web" })];
    const [web, db] = provisionalSummaries(services, nonPassing, AT);
    expect(web).toMatchObject({ name: "web", healthy: 2, total: 3, status: "DEGRADED", failingChecks: ["disk", "http"], tags: ["a", "b"], sinceExact: false, since: AT });
    expect(db).toMatchObject({ healthy: 1, total: 1, status: "OK", failingChecks: [] });
  });

  it("a failing node check makes every service on that node unhealthy there", () => {
    const [web, db, cache] = provisionalSummaries(services, [check("n2", "serfHealth", "critical")], AT);
    expect(web).toMatchObject({ healthy: 2, status: "DEGRADED", failingChecks: ["serfHealth"] });
    expect(db).toMatchObject({ healthy: 1, status: "OK" });
    expect(cache).toMatchObject({ healthy: 1, status: "DEGRADED" });
  });

  it("shows maintenance and DOWN by the product's rules", () => {
    const [, db] = provisionalSummaries(services, [check("n4", "_service_maintenance:db-1", "critical", { id: "db-1", name: "db" })], AT);
    expect(db).toMatchObject({ healthy: 0, total: 1, status: "DOWN", inMaintenance: 1 });
  });

  it("agrees with the full rollup when each node holds one instance of a service", () => {
    const instances = [inst("n1", "web-1", "web"), inst("n2", "web-2", "web"), inst("n3", "web-3", "web"), inst("n4", "db-1", "db"), inst("n2", "cache-1", "cache"), inst("n5", "cache-2", "cache")];
    const checks = [check("n2", "serfHealth", "critical"), check("n3", "http", "warning", { id: "web-3", name: "web" }), check("n5", "http", "critical", { id: "cache-2", name: "cache" })];
    const full = new Map(rollup(instances, checks).map((s) => [s.name, s]));
    for (const p of provisionalSummaries(services, checks, AT)) {
      const f = full.get(p.name);
      expect({ name: p.name, healthy: p.healthy, total: p.total, status: p.status }).toEqual({ name: f?.name, healthy: f?.healthy, total: f?.total, status: f?.status });
    }
  });
});
