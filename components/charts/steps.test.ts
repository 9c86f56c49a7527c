import { describe, expect, it } from "vitest";
import { thinSteps } from "./steps";

const MIN = 60_000;
const worse = (a: { v: number }, b: { v: number }) => a.v > b.v;
const series = (values: number[], start = 100 * MIN) => values.map((v, i) => ({ t: start + i * MIN, v }));

describe("thinSteps", () => {
  it("leaves a series that fits alone", () => {
    const s = series([0, 1, 0]);
    expect(thinSteps(s, worse, 3)).toEqual({ points: s, minutes: 1 });
  });

  it("keeps each step's worst minute at the step's start, so a one-minute outage still shows", () => {
    const s = series([0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0]);
    const out = thinSteps(s, worse, 4);
    expect(out.minutes).toBe(3);
    expect(out.points).toEqual([
      { t: 100 * MIN, v: 0 },
      { t: 103 * MIN, v: 5 },
      { t: 106 * MIN, v: 0 },
      { t: 109 * MIN, v: 0 },
    ]);
  });

  it("thins a full day to at most 360 points on a regular grid", () => {
    const s = series(Array.from({ length: 1440 }, (_, i) => i % 7));
    const out = thinSteps(s, worse);
    expect(out.points.length).toBeLessThanOrEqual(360);
    expect(out.minutes).toBe(4);
    expect(out.points.every((p, i) => p.t === s[0]!.t + i * 4 * MIN)).toBe(true);
    expect(Math.max(...out.points.map((p) => p.v))).toBe(6);
  });

  it("follows the clock across gaps: a step holds only the minutes recorded in it", () => {
    const s = [...series([1, 1], 0), ...series([2, 3], 10 * MIN)];
    const out = thinSteps(s, worse, 3);
    // 12 minutes in 3 steps of 4: [0, 4) holds 1 and 1; [4, 8) nothing; [8, 12) holds 2 and 3.
    expect(out.points).toEqual([
      { t: 0, v: 1 },
      { t: 10 * MIN, v: 3 },
    ]);
  });
});
