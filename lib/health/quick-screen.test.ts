import { describe, expect, it } from "vitest";
import type { LiveSummary } from "@/lib/api/live";
import { firstScreen } from "./first-screen";
import { quickBase, quickPlan, type QuickBase } from "./quick-screen";
import { rollup } from "./rollup";
import { toServiceSummary } from "./summary";
import type { HealthCheck, ServiceInstance } from "./types";
import type { OverviewParams } from "./view";

const AT = "2026-12-02T10:00:00.000Z";

function check(node: string, checkId: string, status: HealthCheck["status"], serviceId = "", serviceName = ""): HealthCheck {
  return { node, checkId, name: checkId, status, serviceId, serviceName, type: "", output: "", notes: "" };
}

function inst(node: string, id: string, service: string, tags: string[]): ServiceInstance {
  return { node, id, service, address: "10.0.0.1", port: 80, tags, meta: {} };
}

/** 30 services of 1–4 instances; a few with a critical, warning or maintenance check; no failing node check. */
function estate(): { instances: ServiceInstance[]; checks: HealthCheck[] } {
  const instances: ServiceInstance[] = [];
  const checks: HealthCheck[] = [];
  for (let s = 0; s < 30; s++) {
    const name = `svc-${String(s).padStart(2, "0")}`;
    for (let i = 0; i < (s % 4) + 1; i++) {
      const node = `n${(s + i) % 7}`;
      const id = `${name}-${i}`;
      instances.push(inst(node, id, name, s % 3 === 0 ? ["blue", `i${i}`] : ["green"]));
      const status = s % 7 === 3 && i === 0 ? "critical" : s % 11 === 5 ? "warning" : "passing";
      checks.push(check(node, "http", status, id, name));
      if (s === 20 && i === 1) checks.push(check(node, `_service_maintenance:${id}`, "critical", id, name));
    }
  }
  for (let n = 0; n < 7; n++) checks.push(check(`n${n}`, "serfHealth", "passing"));
  return { instances, checks };
}

const rows = (instances: ServiceInstance[], checks: HealthCheck[]): LiveSummary[] =>
  rollup(instances, checks).map((h) => ({ ...toServiceSummary(h), since: AT, sinceExact: false }));

function catalogOf(instances: ServiceInstance[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of instances) out[i.service] = [...new Set([...(out[i.service] ?? []), ...i.tags])];
  return out;
}

/** Plans and reads (from `truth`) until the screen is built; the reads it asked for. */
function run(base: QuickBase, truth: Map<string, LiveSummary>, view: Pick<OverviewParams, "q" | "status" | "tag" | "sort">, limit: number) {
  const read = new Map<string, LiveSummary | null>();
  for (let round = 0; round < 5; round++) {
    const plan = quickPlan(base, read, view, limit);
    if (!plan?.missing) return { screen: plan?.screen, reads: [...read.keys()] };
    for (const name of plan.missing) read.set(name, truth.get(name) ?? null);
  }
  throw new Error("no screen after 5 rounds");
}

const VIEW = { q: "", status: undefined, tag: undefined, sort: "problems" } as const;

describe("quick first screen", () => {
  const { instances, checks } = estate();
  const full = rows(instances, checks);
  const truth = new Map(full.map((r) => [r.name, r]));
  const base = quickBase(catalogOf(instances), checks.filter((c) => c.status !== "passing"));

  it("is the full read's first screen for every view, reading only the problems and the rows shown", () => {
    expect(base).toBeDefined();
    if (!base) return;
    const problems = full.filter((r) => r.status !== "OK").map((r) => r.name);
    expect(problems.length).toBeGreaterThan(3);
    expect([...base.problems].sort()).toEqual(problems);
    const views = [
      VIEW,
      { ...VIEW, sort: "name" },
      { ...VIEW, sort: "status" },
      { ...VIEW, q: "svc-1" },
      { ...VIEW, tag: "blue" },
      { ...VIEW, q: "I2" },
      { ...VIEW, status: "OK" },
      { ...VIEW, status: "DEGRADED", sort: "name" },
      { ...VIEW, status: "DOWN" },
    ] as const;
    for (const view of views) {
      const { screen, reads } = run(base, truth, view, 5);
      expect(screen, JSON.stringify(view)).toEqual(firstScreen(full, view, 5));
      expect(reads.length, JSON.stringify(view)).toBeLessThanOrEqual(problems.length + 5);
      expect(reads.slice(0, problems.length).sort()).toEqual(problems);
    }
  });

  it("a service read and gone is left out of the rows and the totals", () => {
    if (!base) throw new Error("no base");
    const gone = new Map(truth);
    gone.delete("svc-00");
    const { screen } = run(base, gone, { ...VIEW, sort: "name" }, 3);
    expect(screen).toEqual(firstScreen(full.filter((r) => r.name !== "svc-00"), { ...VIEW, sort: "name" }, 3));
    expect(screen?.rows.map((r) => r.name)).not.toContain("svc-00");
    expect(screen?.totals.services).toBe(full.length - 1);
    expect(screen?.matched).toBe(full.length - 1);
  });

  it("a service that failed after the name list was read takes its read status", () => {
    if (!base) throw new Error("no base");
    const flipped = new Map(truth);
    const ok = full.find((r) => r.status === "OK");
    if (!ok) throw new Error("no OK service");
    flipped.set(ok.name, { ...ok, healthy: 0, status: "DOWN", failingChecks: ["http"] });
    const { screen } = run(base, flipped, { ...VIEW, q: ok.name }, 5);
    expect(screen?.rows).toEqual([flipped.get(ok.name)]);
    expect(screen?.totals.DOWN).toBe(full.filter((r) => r.status === "DOWN").length + 1);
  });

  it("cannot serve a failing node check (its services are unknown) or a sort by instance count", () => {
    expect(quickBase(catalogOf(instances), [check("n1", "serfHealth", "critical")])).toBeUndefined();
    if (!base) throw new Error("no base");
    expect(quickPlan(base, new Map(), { ...VIEW, sort: "instances" })).toBeUndefined();
  });

  it("an estate with nothing failing reads only the rows shown", () => {
    const healthy = checks.map((c) => ({ ...c, status: "passing" as const }));
    const calm = quickBase(catalogOf(instances), []);
    if (!calm) throw new Error("no base");
    const { screen, reads } = run(calm, new Map(rows(instances, healthy).map((r) => [r.name, r])), VIEW, 4);
    expect(reads).toEqual(["svc-00", "svc-01", "svc-02", "svc-03"]);
    expect(screen?.totals).toEqual({ services: 30, OK: 30, DEGRADED: 0, DOWN: 0 });
  });
});
