import { describe, expect, it } from "vitest";
import { computeGrid, pack, type GridLayout } from "./grid";

/** Every tile inside the area, no two overlapping: what "fits without scrolling" means. */
function expectFits(g: GridLayout, width: number, height: number, n: number) {
  expect(g.placements).toHaveLength(n);
  expect(g.columns * g.cellWidth + (g.columns - 1) * g.gap).toBeLessThanOrEqual(width + 0.001);
  expect(g.rows * g.cellHeight + (g.rows - 1) * g.gap).toBeLessThanOrEqual(height + 0.001);
  const seen = new Set<string>();
  for (const p of g.placements) {
    expect(p.col + p.span).toBeLessThanOrEqual(g.columns);
    expect(p.row + p.span).toBeLessThanOrEqual(g.rows);
    for (let r = p.row; r < p.row + p.span; r++) {
      for (let c = p.col; c < p.col + p.span; c++) {
        const key = `${c},${r}`;
        expect(seen.has(key), `cell ${key} used twice`).toBe(false);
        seen.add(key);
      }
    }
  }
}

// The wall's grid area at each TV size: the viewport less the header and transitions strip.
const SCREENS = [
  { name: "1920×1080", width: 1920 - 24, height: 1080 - 150 },
  { name: "3840×2160", width: 3840 - 24, height: 2160 - 150 },
];

describe("computeGrid", () => {
  for (const s of SCREENS) {
    it(`fits 1..200 tiles at ${s.name}, with a readable font`, () => {
      for (let n = 1; n <= 200; n++) {
        const g = computeGrid({ width: s.width, height: s.height, tiles: Array.from({ length: n }, () => ({ big: false })) });
        expectFits(g, s.width, s.height, n);
        // 200 tiles on a 1080p TV still get at least 12 px text; 4K doubles it.
        expect(g.fontPx).toBeGreaterThanOrEqual(s.width > 2000 ? 24 : 12);
        expect(g.cellHeight).toBeGreaterThanOrEqual(g.fontPx * 2.4);
      }
    });

    it(`fits 1..200 tiles with problems (some doubled) at ${s.name}`, () => {
      for (let n = 1; n <= 200; n += 3) {
        for (const problems of [1, 5, 20, Math.floor(n / 2), n]) {
          if (problems > n) continue;
          const tiles = Array.from({ length: n }, (_, i) => ({ big: i < problems }));
          const g = computeGrid({ width: s.width, height: s.height, tiles });
          expectFits(g, s.width, s.height, n);
          // A problem tile is never smaller than an OK tile.
          g.placements.forEach((p, i) => expect(p.span).toBe(tiles[i]?.big ? g.bigSpan : 1));
        }
      }
    });
  }

  it("gives a few problems among many OK services double tiles", () => {
    const tiles = Array.from({ length: 200 }, (_, i) => ({ big: i < 8 }));
    const g = computeGrid({ width: 1896, height: 930, tiles });
    expect(g.bigSpan).toBe(2);
    expect(g.placements[0]).toEqual({ col: 0, row: 0, span: 2 });
  });

  it("one service fills the screen with big text", () => {
    const g = computeGrid({ width: 1896, height: 930, tiles: [{ big: true }] });
    expect(g.columns).toBe(1);
    expect(g.fontPx).toBeGreaterThan(100);
  });

  it("survives a zero-sized area (before the first measurement)", () => {
    const g = computeGrid({ width: 0, height: 0, tiles: [{ big: false }, { big: true }] });
    expect(g.placements).toHaveLength(2);
  });
});

describe("pack", () => {
  it("fills holes left of double tiles with small ones, in order", () => {
    const { placements, rows } = pack(5, [2, 2, 1, 1, 1, 1]);
    expect(placements).toEqual([
      { col: 0, row: 0, span: 2 },
      { col: 2, row: 0, span: 2 },
      { col: 4, row: 0, span: 1 },
      { col: 4, row: 1, span: 1 },
      { col: 0, row: 2, span: 1 },
      { col: 1, row: 2, span: 1 },
    ]);
    expect(rows).toBe(3);
  });
});
