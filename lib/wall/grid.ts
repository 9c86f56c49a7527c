/**
 * Wall grid sizing: a pure function of the area and the tiles, so it is tested at
 * TV resolutions without a browser. Every tile gets an explicit cell (column, row,
 * span); nothing relies on the browser's flow, so "it fits" is provable here.
 */

export interface GridInput {
  /** Usable width and height in CSS pixels. */
  width: number;
  height: number;
  /** Tiles in display order; `big` tiles (problems) may take a 2×2 cell block. */
  tiles: readonly { big: boolean }[];
  gap?: number;
}

export interface Placement {
  col: number;
  row: number;
  span: 1 | 2;
}

export interface GridLayout {
  columns: number;
  rows: number;
  /** Size of one cell (a span-1 tile) in px. */
  cellWidth: number;
  cellHeight: number;
  gap: number;
  /** Font size of a span-1 tile in px; a span-2 tile uses twice this. */
  fontPx: number;
  /** Whether problem tiles were given 2×2 blocks. */
  bigSpan: 1 | 2;
  placements: Placement[];
}

/**
 * A cell holds two lines: the name and a status line such as "▲ DEGRADED 12m 3/10" at 0.8 em.
 * The font that fits is limited by height (2 lines + padding) and by width (about 11 em).
 */
const LINES_EM = 3.2;
const WIDTH_EM = 11.5;
const ASPECT = WIDTH_EM / LINES_EM;
const fontFor = (cellWidth: number, cellHeight: number) => Math.min(cellHeight / LINES_EM, cellWidth / WIDTH_EM);
/** Problems get double tiles unless that shrinks the small tiles below this share of their best size. */
const BIG_MIN_SHARE = 0.7;
const MIN_FONT = 8;

/** Dense row-major packing: each tile takes the first free spot where it fits (like CSS `grid-auto-flow: dense`). */
export function pack(columns: number, spans: readonly (1 | 2)[]): { placements: Placement[]; rows: number } {
  const taken: boolean[] = [];
  const free = (c: number, r: number) => !taken[r * columns + c];
  const placements: Placement[] = [];
  let rows = 0;
  let cursor = 0; // first cell that may be free: everything before it is taken
  for (const span of spans) {
    const s: 1 | 2 = span === 2 && columns >= 2 ? 2 : 1;
    while (!free(cursor % columns, Math.floor(cursor / columns))) cursor++;
    for (let i = cursor; ; i++) {
      const c = i % columns;
      const r = Math.floor(i / columns);
      if (c + s > columns) continue;
      let ok = true;
      for (let dr = 0; dr < s && ok; dr++) for (let dc = 0; dc < s && ok; dc++) ok = free(c + dc, r + dr);
      if (!ok) continue;
      for (let dr = 0; dr < s; dr++) for (let dc = 0; dc < s; dc++) taken[(r + dr) * columns + c + dc] = true;
      placements.push({ col: c, row: r, span: s });
      rows = Math.max(rows, r + s);
      break;
    }
  }
  return { placements, rows };
}

interface Candidate {
  columns: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
  score: number;
  placements: Placement[];
}

function best(width: number, height: number, gap: number, spans: readonly (1 | 2)[]): Candidate {
  let top: Candidate | undefined;
  const units = spans.reduce<number>((n, s) => n + s * s, 0);
  // The best column count is near the square-root estimate; looking at twice it is plenty (and keeps this fast).
  const estimate = Math.ceil(Math.sqrt((units * width) / (height * ASPECT)));
  const maxCols = Math.max(2, Math.min(units, 2 * estimate + 2, Math.floor((width + gap) / (8 + gap))));
  for (let columns = 1; columns <= maxCols; columns++) {
    const { placements, rows } = pack(columns, spans);
    const cellWidth = (width - (columns - 1) * gap) / columns;
    const cellHeight = (height - (rows - 1) * gap) / Math.max(1, rows);
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    // The layout whose text can be largest.
    const score = fontFor(cellWidth, cellHeight);
    if (!top || score > top.score) top = { columns, rows, cellWidth, cellHeight, score, placements };
  }
  return top ?? { columns: 1, rows: 1, cellWidth: width, cellHeight: height, score: 0, placements: spans.map(() => ({ col: 0, row: 0, span: 1 })) };
}

/** Columns, rows, cell size and font size so that every tile fits the area without scrolling. */
export function computeGrid({ width, height, tiles, gap = 8 }: GridInput): GridLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const small = best(w, h, gap, tiles.map(() => 1));
  let chosen = small;
  let bigSpan: 1 | 2 = 1;
  if (tiles.some((t) => t.big)) {
    const big = best(w, h, gap, tiles.map((t) => (t.big ? 2 : 1)));
    if (big.score >= small.score * BIG_MIN_SHARE && big.placements.every((p, i) => p.span === (tiles[i]?.big ? 2 : 1))) {
      chosen = big;
      bigSpan = 2;
    }
  }
  const fontPx = Math.max(MIN_FONT, Math.floor(fontFor(chosen.cellWidth, chosen.cellHeight)));
  return {
    columns: chosen.columns,
    rows: chosen.rows,
    cellWidth: chosen.cellWidth,
    cellHeight: chosen.cellHeight,
    gap,
    fontPx,
    bigSpan,
    placements: chosen.placements,
  };
}
