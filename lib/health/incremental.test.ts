import { describe, expect, it } from "vitest";
import { IncrementalRollup } from "./incremental";
import { rollup } from "./rollup";
import type { CheckStatus, HealthCheck, ServiceInstance } from "./types";

/** A small deterministic PRNG, so a failing scenario can be replayed from its seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES: CheckStatus[] = ["passing", "warning", "critical"];
const byKey = (a: HealthCheck, b: HealthCheck) =>
  a.node < b.node ? -1 : a.node > b.node ? 1 : a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0;

function scenario(rand: () => number) {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const nodes = ["n1", "n2", "n3", "n4"];
  const services = ["web", "db", "cache", "api", "queue"];
  const instances: ServiceInstance[] = [];
  const seen = new Set<string>();
  const count = Math.floor(rand() * 12);
  for (let k = 0; k < count; k++) {
    const service = pick(services);
    const node = pick(nodes);
    const id = `${service}-${Math.floor(rand() * 3)}`;
    if (seen.has(`${node}/${id}`)) continue;
    seen.add(`${node}/${id}`);
    instances.push({ node, id, service, address: "10.0.0.1", port: 80 + Math.floor(rand() * 2), tags: rand() < 0.3 ? ["canary"] : [], meta: {} });
  }
  const checks = new Map<string, HealthCheck>();
  const nChecks = Math.floor(rand() * 10);
  for (let k = 0; k < nChecks; k++) {
    const node = pick(nodes);
    const nodeLevel = rand() < 0.3;
    const onInstance = instances.filter((i) => i.node === node);
    // Some checks name an instance that is not (yet) registered: they must not break anything.
    const serviceId = nodeLevel ? "" : onInstance.length && rand() < 0.8 ? pick(onInstance).id : "ghost";
    const maint = !nodeLevel && rand() < 0.1;
    const checkId = maint ? `_service_maintenance:${serviceId}` : nodeLevel && rand() < 0.2 ? "_node_maintenance" : `c${Math.floor(rand() * 3)}`;
    checks.set(`${node}/${checkId}`, {
      node,
      checkId,
      name: checkId,
      status: maint ? "critical" : pick(STATUSES),
      serviceId,
      serviceName: "",
      type: "",
      output: pick(["", "ok", "refused"]),
      notes: "",
    });
  }
  return { instances, checks: [...checks.values()].sort(byKey) };
}

describe("IncrementalRollup", () => {
  it("equals the full rollup after any sequence of instance and check changes", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = prng(seed);
      const inc = new IncrementalRollup();
      let before = new Map<string, string>();
      let state = scenario(rand);
      for (let step = 0; step < 8; step++) {
        const next = scenario(rand);
        // Often change only one side, as Consul does: a check flip or a registration.
        const roll = rand();
        if (roll < 0.4) state = { ...state, checks: next.checks };
        else if (roll < 0.6) state = { ...state, instances: next.instances };
        else state = next;
        const affected = new Set([...inc.setInstances(state.instances), ...inc.setChecks(state.checks)]);

        const reference = new Map(rollup(state.instances, state.checks).map((s) => [s.name, JSON.stringify(s)]));
        const names = new Set([...reference.keys(), ...before.keys()]);
        for (const name of names) {
          const got = inc.compute(name);
          expect(got ? JSON.stringify(got) : undefined, `seed ${seed} step ${step} service ${name}`).toBe(reference.get(name));
          // Whatever changed must have been reported as affected: that is what makes it incremental.
          if (before.get(name) !== reference.get(name)) expect(affected.has(name), `seed ${seed} step ${step} ${name} not reported`).toBe(true);
        }
        expect(inc.serviceNames().sort()).toEqual([...reference.keys()].sort());
        before = reference;
      }
    }
  });

  it("reports only the services a flip touches; a node check touches every service on its node", () => {
    const inc = new IncrementalRollup();
    const instances: ServiceInstance[] = [
      { node: "n1", id: "web-1", service: "web", address: "", port: 80, tags: [], meta: {} },
      { node: "n1", id: "db-1", service: "db", address: "", port: 5432, tags: [], meta: {} },
      { node: "n2", id: "web-2", service: "web", address: "", port: 80, tags: [], meta: {} },
      { node: "n2", id: "api-1", service: "api", address: "", port: 81, tags: [], meta: {} },
    ];
    const check = (node: string, checkId: string, status: CheckStatus, serviceId = ""): HealthCheck => ({
      node, checkId, name: checkId, status, serviceId, serviceName: "", type: "", output: "", notes: "",
    });
    expect([...inc.setInstances(instances)].sort()).toEqual(["api", "db", "web"]);
    expect([...inc.setInstances(instances)]).toEqual([]);
    expect([...inc.setChecks([check("n1", "http", "critical", "db-1")])]).toEqual(["db"]);
    expect(inc.compute("db")).toMatchObject({ healthy: 0, total: 1, status: "DOWN", failingChecks: ["http"] });
    // The same non-passing set again changes nothing.
    expect([...inc.setChecks([check("n1", "http", "critical", "db-1")])]).toEqual([]);
    expect([...inc.setChecks([check("n1", "http", "critical", "db-1"), check("n2", "serfHealth", "critical")])].sort()).toEqual(["api", "web"]);
    expect(inc.compute("web")).toMatchObject({ healthy: 1, total: 2, status: "DEGRADED" });
    // A check that goes away (passes) affects its service again.
    expect([...inc.setChecks([check("n2", "serfHealth", "critical")])]).toEqual(["db"]);
    expect(inc.compute("db")).toMatchObject({ healthy: 1, status: "OK" });
  });

  it("lets one service's full check list (passing checks too) win while it is set", () => {
    const inc = new IncrementalRollup();
    inc.setInstances([{ node: "n1", id: "web-1", service: "web", address: "", port: 80, tags: [], meta: {} }]);
    const passing: HealthCheck = { node: "n1", checkId: "http", name: "HTTP", status: "passing", serviceId: "web-1", serviceName: "web", type: "http", output: "200 OK", notes: "" };
    inc.setServiceChecks("web", [passing]);
    expect(inc.compute("web")?.instances[0]?.checks).toEqual([passing]);
    inc.setServiceChecks("web", undefined);
    expect(inc.compute("web")?.instances[0]?.checks).toEqual([]);
  });
});
