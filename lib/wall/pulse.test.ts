import { describe, expect, it } from "vitest";
import type { ServiceStatus } from "@/lib/api/overview";
import { StatusTracker } from "./pulse";

const s = (name: string, status: ServiceStatus) => ({ name, status });

describe("StatusTracker", () => {
  it("does not pulse at first sight, pulses a change for a few seconds", () => {
    const t = new StatusTracker(6_000);
    t.observe([s("web", "OK")], 1_000);
    expect(t.pulsing("web", 1_000)).toBe(false);
    t.observe([s("web", "DOWN")], 2_000);
    // React may render twice with the same data: still one change.
    t.observe([s("web", "DOWN")], 2_000);
    expect(t.pulsing("web", 2_000)).toBe(true);
    expect(t.pulsing("web", 7_999)).toBe(true);
    expect(t.pulsing("web", 8_000)).toBe(false);
  });

  it("raises an alarm for a new DOWN until acknowledged or recovered", () => {
    const t = new StatusTracker();
    t.observe([s("a", "OK"), s("b", "DOWN")], 0);
    expect(t.alarms()).toEqual([]); // already down when the wall opened: no alarm
    t.observe([s("a", "DOWN"), s("b", "DOWN")], 1);
    expect(t.alarms()).toEqual(["a"]);
    t.acknowledge();
    expect(t.alarms()).toEqual([]);
    t.observe([s("a", "OK"), s("b", "DOWN")], 2);
    t.observe([s("a", "DOWN"), s("b", "DOWN")], 3);
    expect(t.alarms()).toEqual(["a"]);
    t.observe([s("a", "DEGRADED"), s("b", "DOWN")], 4);
    expect(t.alarms()).toEqual([]);
  });

  it("stays bounded: forgets services that went away", () => {
    const t = new StatusTracker();
    for (let round = 0; round < 100; round++) {
      t.observe(Array.from({ length: 10 }, (_, i) => s(`svc-${round}-${i}`, round % 2 ? "OK" : "DOWN")), round);
    }
    expect(t.size).toBe(10);
  });
});
