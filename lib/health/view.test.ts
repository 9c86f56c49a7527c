import { describe, expect, it } from "vitest";
import { filterAndSort, overviewSearch, parseOverviewParams } from "./view";

const rows = [
  { name: "web", tags: ["prod", "eu"], status: "OK" as const, total: 3 },
  { name: "payments", tags: ["prod"], status: "DOWN" as const, total: 2 },
  { name: "cart", tags: ["canary"], status: "DEGRADED" as const, total: 5 },
  { name: "api", tags: [], status: "OK" as const, total: 1 },
];
const names = (r: { name: string }[]) => r.map((x) => x.name);
const base = { q: "", status: undefined, tag: undefined, sort: "problems" as const };

describe("overview view state", () => {
  it("round-trips through the URL and drops defaults", () => {
    const p = parseOverviewParams(new URLSearchParams("dc=dc2&q=pay&status=down&tag=prod&sort=name"));
    expect(p).toEqual({ dc: "dc2", q: "pay", status: "DOWN", tag: "prod", sort: "name" });
    expect(overviewSearch(p)).toBe("?dc=dc2&q=pay&status=DOWN&tag=prod&sort=name");
    expect(overviewSearch(parseOverviewParams(new URLSearchParams("sort=bogus&status=purple")))).toBe("");
  });

  it("sorts problems first by default, then by name", () => {
    expect(names(filterAndSort(rows, base))).toEqual(["payments", "cart", "api", "web"]);
  });

  it("sorts by name, by status (healthy first) and by instance count", () => {
    expect(names(filterAndSort(rows, { ...base, sort: "name" }))).toEqual(["api", "cart", "payments", "web"]);
    expect(names(filterAndSort(rows, { ...base, sort: "status" }))).toEqual(["api", "web", "cart", "payments"]);
    expect(names(filterAndSort(rows, { ...base, sort: "instances" }))).toEqual(["cart", "web", "payments", "api"]);
  });

  it("filters by text in name or tags, by status and by exact tag", () => {
    expect(names(filterAndSort(rows, { ...base, q: "EU" }))).toEqual(["web"]);
    expect(names(filterAndSort(rows, { ...base, q: "pay" }))).toEqual(["payments"]);
    expect(names(filterAndSort(rows, { ...base, status: "OK" }))).toEqual(["api", "web"]);
    expect(names(filterAndSort(rows, { ...base, tag: "prod" }))).toEqual(["payments", "web"]);
    expect(names(filterAndSort(rows, { ...base, tag: "pro" }))).toEqual([]);
  });

  it("filters 5,000 services quickly", () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({
      name: `svc-${i}`,
      tags: [`t${i % 50}`],
      status: (["OK", "DEGRADED", "DOWN"] as const)[i % 3] ?? "OK",
      total: i % 10,
    }));
    const t0 = performance.now();
    const r = filterAndSort(many, { ...base, q: "svc-12" });
    expect(performance.now() - t0).toBeLessThan(100);
    expect(r.length).toBe(111);
  });
});
