import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HealthCheck, ServiceInstance } from "@/lib/health/types";
import type { DcWatch } from "./dc-watch";

// Consul's answers, set by each test; everything else is the real module.
const consul = vi.hoisted(() => ({
  names: {} as Record<string, string[]>,
  nonPassing: [] as HealthCheck[],
  services: {} as Record<string, { instances: ServiceInstance[]; checks: HealthCheck[] }>,
  fail: new Set<string>(),
  calls: [] as string[],
}));
vi.mock("../consul", () => ({ getConsulClient: () => ({}) }));
vi.mock("../consul/service-counts", () => ({
  readServiceNames: async () => {
    consul.calls.push("names");
    if (consul.fail.has("names")) throw new Error("Consul is down");
    return consul.names;
  },
  readNonPassingChecks: async () => {
    consul.calls.push("non-passing");
    return consul.nonPassing;
  },
  readServiceInputs: async (_client: unknown, name: string) => {
    consul.calls.push(name);
    if (consul.fail.has(name)) throw new Error("Consul is down");
    return consul.services[name] ?? { instances: [], checks: [] };
  },
}));
vi.mock("../log", () => ({ log: { warn: () => {} } }));

const { quickFirstScreen } = await import("./quick-screen");

const VIEW = { q: "", status: undefined, tag: undefined, sort: "problems" } as const;
const fakeWatch = () => ({ dc: undefined }) as unknown as DcWatch;

function service(name: string, states: HealthCheck["status"][]) {
  consul.names[name] = [];
  consul.services[name] = {
    instances: states.map((_, i) => ({ node: `n${i}`, id: `${name}-${i}`, service: name, address: "10.0.0.1", port: 80, tags: [], meta: {} })),
    checks: states.map((status, i) => ({ node: `n${i}`, checkId: "http", name: "http", status, serviceId: `${name}-${i}`, serviceName: name, type: "", output: "", notes: "" })),
  };
  for (const c of consul.services[name].checks) if (c.status !== "passing") consul.nonPassing.push(c);
}

beforeEach(() => {
  vi.useFakeTimers();
  Object.assign(consul, { names: {}, nonPassing: [], services: {}, fail: new Set(), calls: [] });
  service("api", ["critical", "passing"]);
  service("db", ["passing", "passing", "passing"]);
  service("web", ["critical"]);
});
afterEach(() => vi.useRealTimers());

describe("quickFirstScreen", () => {
  it("builds the screen from the names, the problems and the rows shown, and renders within 5 s share the reads", async () => {
    const w = fakeWatch();
    const screen = await quickFirstScreen(w, VIEW);
    expect(screen?.rows.map((r) => [r.name, `${r.healthy}/${r.total}`, r.status])).toEqual([
      ["web", "0/1", "DOWN"],
      ["api", "1/2", "DEGRADED"],
      ["db", "3/3", "OK"],
    ]);
    expect(screen?.totals).toEqual({ services: 3, OK: 1, DEGRADED: 1, DOWN: 1 });
    expect(screen?.rows[0]).toMatchObject({ sinceExact: false });
    expect(consul.calls.slice(0, 2).sort()).toEqual(["names", "non-passing"]);
    // The problems first (they decide the order), then the rest of the screen.
    expect(consul.calls.slice(2)).toEqual(["api", "web", "db"]);

    await quickFirstScreen(w, { ...VIEW, sort: "name" });
    expect(consul.calls).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(5_000);
    await quickFirstScreen(w, VIEW);
    expect(consul.calls).toHaveLength(10);
  });

  it("gives up (the provisional rows serve) when a read fails, a name cannot be read alone, or a view sorts by instances", async () => {
    consul.fail.add("db");
    expect(await quickFirstScreen(fakeWatch(), VIEW)).toBeUndefined();
    consul.fail = new Set(["names"]);
    expect(await quickFirstScreen(fakeWatch(), VIEW)).toBeUndefined();
    consul.fail = new Set();
    service("a/b", ["passing"]);
    expect(await quickFirstScreen(fakeWatch(), { ...VIEW, sort: "name" })).toBeUndefined();
    expect(consul.calls).not.toContain("a/b");
    expect(await quickFirstScreen(fakeWatch(), { ...VIEW, sort: "instances" })).toBeUndefined();
  });

  it("gives up past 120 reads: an incident with many failing services waits for Consul's summary", async () => {
    for (let i = 0; i < 121; i++) service(`down-${String(i).padStart(3, "0")}`, ["critical"]);
    expect(await quickFirstScreen(fakeWatch(), VIEW)).toBeUndefined();
    expect(consul.calls.filter((c) => c.startsWith("down-"))).toEqual([]);
  });
});
