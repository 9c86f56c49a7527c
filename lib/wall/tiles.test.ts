import { describe, expect, it } from "vitest";
import type { ServiceStatus } from "@/lib/api/overview";
import { fitName, shortDuration, wallTiles } from "./tiles";

const svc = (name: string, status: ServiceStatus, tags: string[] = []) => ({ name, status, tags, total: 1 });
const names = (tiles: ReturnType<typeof wallTiles>) => tiles.map((t) => (t.kind === "service" ? t.service.name : `+${t.count} OK`));

describe("wallTiles", () => {
  it("orders DOWN, DEGRADED, OK, then by name", () => {
    const tiles = wallTiles([svc("b-ok", "OK"), svc("z-down", "DOWN"), svc("a-ok", "OK"), svc("m-deg", "DEGRADED"), svc("a-down", "DOWN")], { q: "" });
    expect(names(tiles)).toEqual(["a-down", "z-down", "m-deg", "a-ok", "b-ok"]);
  });

  it("filters by tag, status and text", () => {
    const all = [svc("pay", "DOWN", ["prod"]), svc("cart", "OK", ["prod"]), svc("payroll", "OK", ["hr"])];
    expect(names(wallTiles(all, { q: "", tag: "prod" }))).toEqual(["pay", "cart"]);
    expect(names(wallTiles(all, { q: "", status: "OK" }))).toEqual(["cart", "payroll"]);
    expect(names(wallTiles(all, { q: "PAY" }))).toEqual(["pay", "payroll"]);
  });

  it("up to 200 services every one has a tile", () => {
    const all = Array.from({ length: 200 }, (_, i) => svc(`s${String(i).padStart(3, "0")}`, i % 10 === 0 ? "DOWN" : "OK"));
    expect(wallTiles(all, { q: "" })).toHaveLength(200);
  });

  it("beyond 200, OK services fold into one count while every problem keeps its tile", () => {
    const all = Array.from({ length: 500 }, (_, i) => svc(`s${String(i).padStart(3, "0")}`, i < 30 ? "DOWN" : i < 250 ? "DEGRADED" : "OK"));
    const tiles = wallTiles(all, { q: "" });
    expect(tiles).toHaveLength(251);
    expect(tiles.at(-1)).toEqual({ kind: "folded", count: 250 });
    expect(tiles.filter((t) => t.kind === "service" && t.service.status === "DOWN")).toHaveLength(30);
  });
});

describe("shortDuration", () => {
  it.each([
    [0, "0s"],
    [59_999, "59s"],
    [4 * 60_000 + 5_000, "4m"],
    [3 * 3_600_000, "3h"],
    [3 * 3_600_000 + 5 * 60_000, "3h 5m"],
    [3 * 86_400_000, "3d"],
  ])("%d ms → %s", (ms, text) => expect(shortDuration(ms)).toBe(text));
});

describe("fitName", () => {
  it("keeps a name that fits", () => expect(fitName("payments", 8)).toBe("payments"));
  it("cuts the middle, keeping the distinguishing end", () => {
    const s = fitName("w200-mwqwt73u522-down-007", 16);
    expect(s).toBe("w200-mwq…own-007");
    expect([...s]).toHaveLength(16);
  });
  it("never returns more than the capacity, even for tiny tiles", () => {
    expect(fitName("abcdef", 2)).toBe("a…");
    expect([...fitName("ünïcødé-nämé-wïth-äccents", 10)]).toHaveLength(10);
  });
});
