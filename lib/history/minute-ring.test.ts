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

  it("allocates no slots while it holds one unbroken run of equal values, and behaves the same once it does", () => {
    const r = new MinuteRing(1440, Math.max, "byte");
    for (let m = 1000; m < 4000; m++) r.set(m, 1);
    r.set(3999, 1);
    expect(r.allocated).toBe(false);
    expect(r.get(3999 - 1439)).toBe(1);
    expect(r.get(3999 - 1440)).toBe(0);
    expect(r.entries()).toHaveLength(1440);
    expect(Array.from(r.snapshot().values).every((v) => v === 1)).toBe(true);
    r.set(4000, 3);
    expect(r.allocated).toBe(true);
    expect(r.entries().at(-2)).toEqual([3999, 1]);
    expect(r.entries().at(-1)).toEqual([4000, 3]);
  });

  it("gives what a plain per-minute table gives, for any sequence of writes", () => {
    // A small deterministic generator (no Math.random): the same sequences every run.
    let seed = 42;
    const next = (n: number) => {
      // xorshift32
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    for (const combine of [Math.max, (_old: number, v: number) => v]) {
      for (let round = 0; round < 200; round++) {
        const cap = 1 + next(6);
        const ring = new MinuteRing(cap, combine, "byte");
        const table = new Map<number, number>();
        let latest = -1;
        let minute = next(10);
        for (let step = 0; step < 30; step++) {
          minute = Math.max(0, minute + [0, 1, 1, 1, 2, -1, -3, 7][next(8)]!);
          const value = [1, 1, 1, 2, 3, 0][next(6)]!;
          ring.set(minute, value);
          // The reference: older than the window is ignored; a new latest clears the minutes skipped.
          if (!(latest >= 0 && minute <= latest - cap)) {
            if (minute > latest) {
              for (let m = latest + 1; m < minute; m++) table.delete(m);
              table.set(minute, value);
              latest = minute;
            } else table.set(minute, combine(table.get(minute) ?? 0, value));
          }
          const expected = [...table].filter(([m, v]) => v !== 0 && m > latest - cap).sort((a, b) => a[0] - b[0]);
          expect(ring.entries()).toEqual(expected);
          expect(ring.latestMinute).toBe(latest);
        }
      }
    }
  });

  it("gives its run while it has no slots, and a ring rebuilt from that run reads the same", () => {
    const r = new MinuteRing(10, Math.max, "byte");
    expect(r.run()).toBeUndefined();
    for (let m = 100; m <= 130; m++) r.set(m, 2);
    const run = r.run();
    expect(run).toEqual({ latest: 130, from: 100, value: 2 });
    expect(MinuteRing.fromRun(run!, 10, Math.max, "byte").entries()).toEqual(r.entries());
    expect(MinuteRing.fromRun(run!, 3, Math.max, "byte").entries()).toEqual([
      [128, 2],
      [129, 2],
      [130, 2],
    ]);
    const again = MinuteRing.fromRun(run!, 10, Math.max, "byte");
    again.set(131, 3);
    expect(again.entries().slice(-2)).toEqual([
      [130, 2],
      [131, 3],
    ]);
    r.set(131, 3);
    expect(r.run()).toBeUndefined();
  });
});
