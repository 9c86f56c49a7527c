import { describe, expect, it } from "vitest";
import { MinuteRing } from "./minute-ring";

describe("MinuteRing", () => {
  it("keeps the worse (larger) value written within one minute", () => {
    const r = new MinuteRing(10);
    r.set(100, 1);
    r.set(100, 3);
    r.set(100, 2);
    expect(r.get(100)).toBe(3);
  });

  it("forgets minutes older than its capacity and clears skipped minutes", () => {
    const r = new MinuteRing(5);
    for (let m = 0; m < 5; m++) r.set(m, 1);
    r.set(7, 2); // minutes 5 and 6 were skipped: no data, and 0..2 fall out of the window
    expect(r.entries()).toEqual([
      [3, 1],
      [4, 1],
      [7, 2],
    ]);
    expect(r.get(1)).toBe(0);
    expect(r.get(6)).toBe(0);
    r.set(2, 3); // too old: ignored
    expect(r.get(2)).toBe(0);
  });

  it("a jump beyond the window clears everything", () => {
    const r = new MinuteRing(3);
    r.set(1, 1);
    r.set(2, 1);
    r.set(100, 2);
    expect(r.entries()).toEqual([[100, 2]]);
  });

  it("can combine by replacing (last write wins)", () => {
    const r = new MinuteRing(3, (_old, next) => next);
    r.set(1, 5);
    r.set(1, 2);
    expect(r.get(1)).toBe(2);
  });

  it("restores from a snapshot, also into a different capacity", () => {
    const r = new MinuteRing(4, Math.max, "byte");
    [10, 11, 13].forEach((m, i) => r.set(m, i + 1));
    const snap = { latest: r.snapshot().latest, values: Array.from(r.snapshot().values) };
    expect(MinuteRing.restore(snap, 4).entries()).toEqual(r.entries());
    expect(MinuteRing.restore(snap, 2).entries()).toEqual([[13, 3]]);
    expect(MinuteRing.restore(snap, 8).latestMinute).toBe(13);
  });
});
