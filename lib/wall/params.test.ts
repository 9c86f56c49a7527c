import { describe, expect, it } from "vitest";
import { currentDatacenter, parseDuration, parseWallParams, pixelShift } from "./params";

const sp = (q: string) => new URLSearchParams(q);

describe("parseWallParams", () => {
  it("defaults: dark, silent, no rotation", () => {
    expect(parseWallParams(sp(""))).toEqual({
      dc: undefined,
      tag: undefined,
      status: undefined,
      q: "",
      rotate: [],
      everyMs: 30_000,
      theme: "dark",
      sound: false,
      warnings: [],
    });
  });

  it("reads every option from the link", () => {
    const p = parseWallParams(sp("dc=dc2&tag=prod&status=down&q=pay&rotate=dc1,%20dc2,dc1&every=2m&theme=light&sound=on"));
    expect(p).toMatchObject({ dc: "dc2", tag: "prod", status: "DOWN", q: "pay", rotate: ["dc1", "dc2"], everyMs: 120_000, theme: "light", sound: true });
    expect(p.warnings).toEqual([]);
  });

  it("says which option of a bad link it ignored", () => {
    const p = parseWallParams(sp("status=red&every=soon&theme=pink&sound=loud"));
    expect(p.status).toBeUndefined();
    expect(p.everyMs).toBe(30_000);
    expect(p.theme).toBe("dark");
    expect(p.sound).toBe(false);
    expect(p.warnings).toEqual([
      'status="red" ignored (use OK, DEGRADED or DOWN)',
      'every="soon" ignored (use e.g. 30s or 2m)',
      'theme="pink" ignored (use light or dark)',
      'sound="loud" ignored (use on or off)',
    ]);
  });

  it("does not rotate faster than every 5 s", () => {
    const p = parseWallParams(sp("rotate=a,b&every=1s"));
    expect(p.everyMs).toBe(5_000);
    expect(p.warnings[0]).toContain("too fast");
  });
});

describe("parseDuration", () => {
  it.each([
    ["30s", 30_000],
    ["30", 30_000],
    ["2m", 120_000],
    ["1h", 3_600_000],
    ["500ms", 500],
    ["x", undefined],
    ["-3s", undefined],
  ])("%s → %s", (raw, ms) => expect(parseDuration(raw)).toBe(ms));
});

describe("currentDatacenter", () => {
  it("rotates through the list, one step per period", () => {
    const p = { dc: "dcX", rotate: ["dc1", "dc2", "dc3"], everyMs: 30_000 };
    expect([0, 29_999, 30_000, 60_000, 90_000].map((t) => currentDatacenter(p, t))).toEqual(["dc1", "dc1", "dc2", "dc3", "dc1"]);
  });

  it("without rotation shows ?dc= (or the agent's own)", () => {
    expect(currentDatacenter({ dc: "dc2", rotate: [], everyMs: 30_000 }, 123)).toBe("dc2");
    expect(currentDatacenter({ dc: undefined, rotate: [], everyMs: 30_000 }, 123)).toBeUndefined();
  });
});

describe("pixelShift", () => {
  it("moves by a few px, changing every step, and stays small", () => {
    const seen = new Set<string>();
    for (let step = 0; step < 16; step++) {
      const { x, y } = pixelShift(step * 180_000 + 1);
      expect(Math.abs(x)).toBeLessThanOrEqual(6);
      expect(Math.abs(y)).toBeLessThanOrEqual(6);
      seen.add(`${x},${y}`);
    }
    expect(seen.size).toBeGreaterThan(4);
    expect(pixelShift(10)).toEqual(pixelShift(179_999));
  });
});
