import { describe, expect, it } from "vitest";
import { timeTicks } from "./format";

const MIN = 60_000;

describe("timeTicks", () => {
  it("gives at most six ticks at a round spacing from local midnight across 24 hours", () => {
    const midnight = new Date(2026, 11, 6).getTime();
    const from = midnight + 13 * MIN;
    const ticks = timeTicks(from, from + 24 * 60 * MIN);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    // Every 6 h from midnight: 06:00, 12:00, 18:00, 00:00 the next day.
    expect(ticks.map((t) => (t - midnight) / MIN / 60)).toEqual([6, 12, 18, 24]);
  });

  it("uses minute spacings for a short history and keeps ticks inside the range", () => {
    const from = new Date(2026, 11, 6, 9, 58).getTime();
    const to = from + 17 * MIN;
    const ticks = timeTicks(from, to);
    expect(ticks.every((t) => t >= from && t <= to)).toBe(true);
    expect(ticks.map((t) => new Date(t).getMinutes())).toEqual([0, 5, 10, 15]);
  });

  it("gives the single point of a one-point history, and nothing for no data", () => {
    expect(timeTicks(5 * MIN, 5 * MIN)).toEqual([5 * MIN]);
    expect(timeTicks(Infinity, -Infinity)).toEqual([]);
  });
});
