import { describe, expect, it } from "vitest";
import type { LiveSummary } from "@/lib/api/live";
import type { ServiceStatus } from "@/lib/api/overview";
import { statusTotals } from "@/lib/health/rollup";
import { wallScreen, type WallFilter } from "./first-screen";
import { wallTiles } from "./tiles";

function svc(name: string, status: ServiceStatus, tags: string[] = []): LiveSummary {
  const total = status === "DEGRADED" ? 2 : 1;
  const healthy = status === "OK" ? total : status === "DEGRADED" ? 1 : 0;
  return {
    name,
    tags,
    healthy,
    total,
    status,
    inMaintenance: 0,
    failingChecks: status === "OK" ? [] : [`${name}-chk`],
    since: "2026-12-02T10:00:00.000Z",
    sinceExact: status !== "OK",
  };
}

/**
 * What the wall computed in the browser from the live stream's full list before the server's
 * first screen existed (wallTiles, then the totals of the tiles, folded OK included): the
 * reference the first screen must equal, tile for tile.
 */
function browserWall(services: LiveSummary[], filter: WallFilter) {
  const tiles = wallTiles(services, filter);
  const shown = statusTotals(tiles.flatMap((t) => (t.kind === "service" ? [t.service] : [])));
  const folded = tiles.reduce((n, t) => n + (t.kind === "folded" ? t.count : 0), 0);
  return {
    tiles: tiles.map((t) =>
      t.kind === "folded"
        ? t
        : { kind: t.kind, service: { name: t.service.name, status: t.service.status, healthy: t.service.healthy, total: t.service.total, since: t.service.since, sinceExact: t.service.sinceExact } },
    ),
    totals: { ...shown, OK: shown.OK + folded, services: shown.services + folded },
  };
}

const pad = (i: number) => String(i).padStart(4, "0");
/** `down`, `degraded` and `ok` services, interleaved (not in display order), tagged prod or dev. */
function estate(down: number, degraded: number, ok: number): LiveSummary[] {
  const all = [
    ...Array.from({ length: down }, (_, i) => svc(`pay-down-${pad(i)}`, "DOWN", i % 2 ? ["prod"] : ["dev"])),
    ...Array.from({ length: degraded }, (_, i) => svc(`cart-deg-${pad(i)}`, "DEGRADED", i % 3 ? ["prod"] : ["dev"])),
    ...Array.from({ length: ok }, (_, i) => svc(`web-ok-${pad(i)}`, "OK", i % 4 ? ["prod"] : ["dev"])),
  ];
  // A fixed shuffle: the stream's map has no order the wall may rely on.
  return all.map((s, i) => ({ s, k: (i * 7919) % all.length })).sort((a, b) => a.k - b.k).map((x) => x.s);
}

const filters: [string, WallFilter][] = [
  ["no filter", { q: "" }],
  ["tag", { q: "", tag: "prod" }],
  ["status", { q: "", status: "DOWN" }],
  ["text", { q: "OK-00" }],
  ["tag, status and text", { q: "deg", tag: "prod", status: "DEGRADED" }],
  ["nothing matching", { q: "no-such-service" }],
];

describe("wall first screen", () => {
  describe.each([
    ["a small estate", estate(3, 4, 20)],
    ["exactly 200 services", estate(10, 15, 175)],
    ["beyond 200 (OK services fold)", estate(30, 45, 5000)],
  ])("%s", (_, services) => {
    it.each(filters)("equals what the browser computes from the full list: %s", (_f, filter) => {
      expect(wallScreen(services, filter)).toEqual(browserWall(services, filter));
    });
  });

  it("tiles problems first, by name, and folds OK services beyond 200 into one count", () => {
    const { tiles, totals } = wallScreen(estate(2, 1, 300), { q: "" });
    expect(tiles.map((t) => (t.kind === "service" ? t.service.name : `+${t.count}`))).toEqual([
      "pay-down-0000",
      "pay-down-0001",
      "cart-deg-0000",
      "+300",
    ]);
    expect(totals).toEqual({ services: 303, OK: 300, DEGRADED: 1, DOWN: 2 });
  });

  it("counts only what the filters let through, folded OK included", () => {
    const services = estate(2, 3, 400);
    // Tag prod: DOWN 1 (odd), DEGRADED 2 (i % 3), OK 300 (i % 4): more than 200, so the OK fold.
    expect(wallScreen(services, { q: "", tag: "prod" }).totals).toEqual({ services: 303, OK: 300, DEGRADED: 2, DOWN: 1 });
    // Tag dev: 1 + 1 + 100 = 102, every one its own tile.
    const dev = wallScreen(services, { q: "", tag: "dev" });
    expect(dev.tiles).toHaveLength(102);
    expect(dev.totals).toEqual({ services: 102, OK: 100, DEGRADED: 1, DOWN: 1 });
  });

  it("is compact: a tile carries only what it shows, and 5,000 healthy services are one tile", () => {
    const services = estate(0, 0, 5000);
    const screen = wallScreen(services, { q: "" });
    expect(screen.tiles).toEqual([{ kind: "folded", count: 5000 }]);
    expect(JSON.stringify(screen).length).toBeLessThan(200);

    const [tile] = wallScreen([svc("pay", "DOWN", ["prod", "eu"])], { q: "" }).tiles;
    expect(tile?.kind === "service" && Object.keys(tile.service).sort()).toEqual(["healthy", "name", "since", "sinceExact", "status", "total"]);
  });
});
