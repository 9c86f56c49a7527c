import { describe, expect, it } from "vitest";
import type { LiveSummary } from "@/lib/api/live";
import { firstScreen } from "./first-screen";

function svc(name: string, status: LiveSummary["status"], tags: string[] = []): LiveSummary {
  const total = 4;
  const healthy = status === "OK" ? 4 : status === "DEGRADED" ? 2 : 0;
  return { name, tags, healthy, total, status, inMaintenance: 0, failingChecks: status === "OK" ? [] : ["http"], since: "2026-12-02T10:00:00.000Z", sinceExact: true };
}

const estate = [
  ...Array.from({ length: 200 }, (_, i) => svc(`ok-${String(i).padStart(3, "0")}`, "OK", i % 2 ? ["prod"] : ["dev"])),
  svc("zz-down", "DOWN", ["prod"]),
  svc("aa-degraded", "DEGRADED"),
];
const base = { q: "", status: undefined, tag: undefined, sort: "problems" as const };

describe("overview first screen", () => {
  it("puts problems first and cuts at the limit", () => {
    const fs = firstScreen(estate, base, 10);
    expect(fs.rows.map((r) => r.name).slice(0, 3)).toEqual(["zz-down", "aa-degraded", "ok-000"]);
    expect(fs.rows).toHaveLength(10);
    expect(fs.matched).toBe(202);
  });

  it("counts every service in the totals, whatever the view shows", () => {
    const fs = firstScreen(estate, { ...base, status: "DOWN" }, 10);
    expect(fs.rows.map((r) => r.name)).toEqual(["zz-down"]);
    expect(fs.matched).toBe(1);
    expect(fs.totals).toEqual({ services: 202, OK: 200, DEGRADED: 1, DOWN: 1 });
  });

  it("applies the URL's text, tag and sort", () => {
    const fs = firstScreen(estate, { ...base, q: "ok-19", tag: "prod", sort: "name" }, 3);
    expect(fs.rows.map((r) => r.name)).toEqual(["ok-191", "ok-193", "ok-195"]);
    expect(fs.matched).toBe(5);
  });

  it("is small: a first screen at 5,000 services carries only its rows", () => {
    const big = Array.from({ length: 5000 }, (_, i) => svc(`bench-svc-${String(i).padStart(5, "0")}`, "OK", [`team-${i % 20}`]));
    const fs = firstScreen(big, base);
    expect(fs.rows).toHaveLength(60);
    expect(JSON.stringify(fs).length).toBeLessThan(20_000);
  });

  it("is empty for an empty datacenter", () => {
    expect(firstScreen([], base)).toEqual({ rows: [], matched: 0, totals: { services: 0, OK: 0, DEGRADED: 0, DOWN: 0 } });
  });
});
