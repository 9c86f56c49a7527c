import { afterEach, describe, expect, it, vi } from "vitest";
import { backoffMs } from "./backoff";
import { DcWatch, TooManyServiceWatchesError, WatchBudget, type WatchEvent } from "./dc-watch";
import type { ServiceSource } from "./health-source";
import { WatchRegistry } from "./registry";
import { chk, inst, round, scriptedSource, unreachable } from "./test-source";

/** Polls until `probe` is true; real time, bounded. */
async function until(probe: () => boolean, timeoutMs = 3_000): Promise<void> {
  await vi.waitFor(
    () => {
      if (!probe()) throw new Error("condition not met in time");
    },
    { timeout: timeoutMs, interval: 5 },
  );
}

const watches: DcWatch[] = [];
function watch(source: ReturnType<typeof scriptedSource>["source"]) {
  const w = new DcWatch("dc1", source, { maxBackoffMs: 20, minIntervalMs: 0 });
  watches.push(w);
  return w;
}
afterEach(async () => {
  await Promise.all(watches.splice(0).map((w) => w.stop()));
});

describe("DcWatch", () => {
  it("holds its first round until startAfter settles, and starts anyway when it fails", async () => {
    for (const outcome of ["resolve", "reject"] as const) {
      let settle: () => void = () => {};
      const gate = new Promise<void>((resolve, reject) => (settle = outcome === "resolve" ? resolve : () => reject(new Error("provisional read failed"))));
      const s = scriptedSource([round("5", [inst("web", "n1")], [])]);
      const w = new DcWatch("dc1", s.source, { maxBackoffMs: 20, minIntervalMs: 0, startAfter: () => gate });
      watches.push(w);
      w.start();
      // Nothing reaches the source while the gate is pending.
      await new Promise((r) => setImmediate(r));
      expect(s.calls).toEqual([]);
      settle();
      await until(() => w.ready);
      expect(s.calls[0]).toBe("0");
    }
  });

  it("sends each answer's index back, and starts over at 0 after an error", async () => {
    const s = scriptedSource([round("5", [], []), round("9", [], []), unreachable(), round("3", [], [])]);
    const w = watch(s.source).start();
    await until(() => s.calls.length >= 5);
    expect(s.calls).toEqual(["0", "5", "9", "0", "3"]);
    expect(w.state.status).toBe("live");
  });

  it("diffs rounds: only changed services are reported, with a transition", async () => {
    const web = [inst("web", "n1"), inst("web", "n2")];
    const s = scriptedSource([
      round("1", [...web, inst("db", "n3")], [chk("n1", "c", "passing", "web")]),
      // Same data again: a blocking query returning is not proof of change.
      round("2", [...web, inst("db", "n3")], [chk("n1", "c", "passing", "web")]),
      round("3", [...web, inst("db", "n3")], [chk("n1", "c", "critical", "web")]),
    ]);
    const events: WatchEvent[] = [];
    const w = watch(s.source);
    w.subscribe((e) => events.push(e));
    w.start();
    await until(() => s.calls.length >= 4);
    const updates = events.filter((e) => e.type === "update");
    expect(updates).toHaveLength(1);
    const u = updates[0];
    if (u?.type !== "update") throw new Error("no update");
    expect(u.diff.summaryChanged).toEqual(["web"]);
    expect(u.transitions.map((t) => [t.service, t.instance?.node ?? null, t.from, t.to])).toEqual([
      ["web", null, "OK", "DEGRADED"],
      ["web", "n1", "healthy", "critical"],
    ]);
    expect(w.service("web")?.detail).toMatchObject({ healthy: 1, total: 2, status: "DEGRADED", sinceExact: true });
    expect(w.service("db")?.detail).toMatchObject({ status: "OK", sinceExact: false });
  });

  it("moves its version before every event, so a snapshot cached at one version is never stale", async () => {
    const s = scriptedSource([round("1", [inst("web", "n1")], []), round("2", [inst("web", "n1")], [chk("n1", "c", "critical", "web")])]);
    const w = watch(s.source);
    const seen: [WatchEvent["type"], number][] = [];
    w.subscribe((e) => seen.push([e.type, w.version]));
    const before = w.version;
    w.start();
    await until(() => seen.some(([t]) => t === "update"));
    expect(seen.map(([t]) => t)).toEqual(["state", "update"]);
    const versions = seen.map(([, v]) => v);
    expect(versions[0]).toBeGreaterThan(before);
    expect(versions[1]).toBeGreaterThan(versions[0] ?? Infinity);
  });

  it("reports removed services", async () => {
    const s = scriptedSource([round("1", [inst("web", "n1"), inst("old", "n1")], []), round("2", [inst("web", "n1")], [])]);
    const events: WatchEvent[] = [];
    const w = watch(s.source);
    w.subscribe((e) => events.push(e));
    w.start();
    await until(() => events.some((e) => e.type === "update"));
    const u = events.find((e) => e.type === "update");
    expect(u?.type === "update" && u.diff.removed).toEqual(["old"]);
    expect(w.transitions.recent(5)[0]).toMatchObject({ service: "old", to: "removed" });
  });

  it("keeps retrying while Consul is unreachable, says since when, and recovers", async () => {
    const s = scriptedSource([unreachable(), unreachable(), unreachable(), round("7", [inst("web", "n1")], [])]);
    const states: string[] = [];
    const w = watch(s.source);
    w.subscribe((e) => {
      if (e.type === "state") states.push(e.state.status);
    });
    w.start();
    await until(() => w.state.status === "live");
    // One "unreachable" event for the whole outage (its since stays put), then live.
    expect(states).toEqual(["unreachable", "live"]);
    expect(s.calls.slice(0, 4)).toEqual(["0", "0", "0", "0"]);
    expect(w.ready).toBe(true);
  });

  it("surfaces a leaderless cluster and a 403 with Consul's words", async () => {
    const { ConsulError } = await import("../consul/errors");
    const denied = new ConsulError("http", "Permission denied: token lacks permission 'node:read'", 403);
    const s = scriptedSource([round("1", [], [], false)]);
    const w = watch(s.source).start();
    await until(() => w.state.status === "no-leader");
    s.push(denied);
    const s2 = scriptedSource([denied]);
    const w2 = watch(s2.source).start();
    await until(() => w2.state.status === "forbidden");
    expect(w2.state.message).toContain("node:read");
  });

  it("a service watched by screens gets its passing checks too, from one shared query, until released", async () => {
    const calls: string[] = [];
    const passing = chk("n1", "http", "passing", "web");
    const serviceSource: ServiceSource = (name, index, signal) => {
      calls.push(`${name}@${index}`);
      if (index === "0") return Promise.resolve({ checks: [passing], nextIndex: "4" });
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true }));
    };
    const s = scriptedSource([round("1", [inst("web", "n1"), inst("db", "n2")], [])]);
    const w = new DcWatch("dc1", s.source, { maxBackoffMs: 20, minIntervalMs: 0, serviceSource });
    watches.push(w);
    const events: WatchEvent[] = [];
    w.subscribe((e) => events.push(e));
    w.start();
    await until(() => w.ready);
    const a = w.watchService("web");
    const b = w.watchService("web");
    await until(() => w.service("web")?.detail.instances[0]?.checks.length === 1);
    await until(() => calls.length === 2);
    expect(calls).toEqual(["web@0", "web@4"]);
    const update = events.find((e) => e.type === "update");
    expect(update?.type === "update" && update.diff.detailChanged).toEqual(["web"]);
    expect(update?.type === "update" && update.diff.summaryChanged).toEqual([]);
    a();
    expect(w.service("web")?.detail.instances[0]?.checks).toEqual([passing]);
    b();
    expect(w.service("web")?.detail.instances[0]?.checks).toEqual([]);
    expect(w.service("db")?.detail.status).toBe("OK");
  });

  it("caps per-service watches across datacenters: a new one past the cap is refused, a shared one is not", async () => {
    const calls: string[] = [];
    const serviceSource: ServiceSource = (name, _index, signal) => {
      calls.push(name);
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true }));
    };
    const budget = new WatchBudget(2);
    const make = (dc: string) => {
      const w = new DcWatch(dc, scriptedSource([round("1", [inst("a", "n1"), inst("b", "n1"), inst("c", "n1")], [])]).source, {
        maxBackoffMs: 20,
        minIntervalMs: 0,
        serviceSource,
        serviceWatchBudget: budget,
      });
      watches.push(w);
      return w.start();
    };
    const [w1, w2] = [make("dc1"), make("dc2")];
    const a = w1.watchService("a");
    w2.watchService("a");
    expect(() => w1.watchService("b")).toThrow(TooManyServiceWatchesError);
    expect(() => w1.watchService("b")).toThrow(/DASHBOARD_MAX_SERVICE_WATCHES/);
    const again = w1.watchService("a");
    expect(budget.inUse).toBe(2);
    a();
    expect(budget.inUse).toBe(2);
    again();
    expect(budget.inUse).toBe(1);
    const b = w1.watchService("b");
    expect(budget.inUse).toBe(2);
    await w1.stop();
    expect(budget.inUse).toBe(1);
    b();
    expect(budget.inUse).toBe(1);
    expect(calls.filter((n) => n === "b")).toHaveLength(1);
  });

  it("stops asking Consul once stopped", async () => {
    const s = scriptedSource([round("1", [], [])]);
    const w = watch(s.source).start();
    await until(() => s.calls.length === 2);
    await w.stop();
    expect(w.stopped).toBe(true);
    expect(s.calls).toHaveLength(2);
  });
});

describe("backoffMs", () => {
  it("grows quadratically, is capped, and jitters between half and all of the delay", () => {
    const mid = () => 0.5;
    expect(backoffMs(1, { capMs: 60_000, random: () => 1 - Number.EPSILON })).toBeLessThanOrEqual(500);
    expect(backoffMs(1, { capMs: 60_000, random: () => 0 })).toBe(250);
    expect(backoffMs(2, { capMs: 60_000, random: mid })).toBe(1500);
    expect(backoffMs(3, { capMs: 60_000, random: mid })).toBe(3375);
    expect(backoffMs(100, { capMs: 10_000, random: () => 0.999 })).toBeLessThanOrEqual(10_000);
    expect(backoffMs(100, { capMs: 10_000, random: () => 0 })).toBe(5_000);
  });
});

describe("WatchRegistry", () => {
  it("shares one watch per datacenter and stops it after the last viewer leaves", async () => {
    const made: string[] = [];
    const registry = new WatchRegistry(
      (dc) => {
        made.push(dc ?? "local");
        return scriptedSource([round("1", [], [])]).source;
      },
      { idleMs: 30, maxBackoffMs: 20, waitMs: 1_000 },
    );
    const a = registry.acquire("dc1");
    const b = registry.acquire("dc1");
    const c = registry.acquire("dc2");
    expect(a.watch).toBe(b.watch);
    expect(made).toEqual(["dc1", "dc2"]);
    a.release();
    b.release();
    b.release(); // releasing twice must not steal another viewer's lease
    // A viewer returning within the idle period keeps the same watch.
    const d = registry.acquire("dc1");
    expect(d.watch).toBe(a.watch);
    d.release();
    await until(() => a.watch.stopped, 2_000);
    expect(c.watch.stopped).toBe(false);
    expect(registry.active()).toEqual([{ dc: "dc2", leases: 1 }]);
    // After the stop, a new viewer gets a fresh watch.
    const e = registry.acquire("dc1");
    expect(e.watch).not.toBe(a.watch);
    await registry.stopAll();
  });
});
