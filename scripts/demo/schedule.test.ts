import { describe, expect, it } from "vitest";
import { describeSchedule, isDown, scaleSchedule } from "./schedule";

const s = { firstDownMs: 15_000, periodMs: 60_000, downMs: 20_000 };

describe("isDown", () => {
  it("is up before the first outage", () => {
    expect(isDown(s, 0)).toBe(false);
    expect(isDown(s, 14_999)).toBe(false);
  });
  it("is down for downMs from the first outage, then up until the next period", () => {
    expect(isDown(s, 15_000)).toBe(true);
    expect(isDown(s, 34_999)).toBe(true);
    expect(isDown(s, 35_000)).toBe(false);
    expect(isDown(s, 74_999)).toBe(false);
    expect(isDown(s, 75_000)).toBe(true);
  });
});

describe("scaleSchedule", () => {
  it("keeps the shape of the timeline", () => {
    expect(scaleSchedule(s, 0.1)).toEqual({ firstDownMs: 1_500, periodMs: 6_000, downMs: 2_000 });
    expect(scaleSchedule(s, 0)).toEqual({ firstDownMs: 1, periodMs: 1, downMs: 1 });
  });
});

describe("describeSchedule", () => {
  it("reads in seconds", () => {
    expect(describeSchedule(s)).toBe("down 20 s every 60 s, first at 15 s");
  });
});
