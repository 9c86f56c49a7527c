import { describe, expect, it } from "vitest";
import { blockingTimeoutMs, nextBlockingIndex } from "./blocking-index";

describe("nextBlockingIndex", () => {
  it("keeps a growing index", () => {
    expect(nextBlockingIndex("10", "12")).toBe("12");
  });
  it("uses 1 when Consul returns 0", () => {
    expect(nextBlockingIndex("10", "0")).toBe("1");
  });
  it("resets to 0 when the index goes backwards", () => {
    expect(nextBlockingIndex("100", "7")).toBe("0");
  });
  it("compares uint64 values beyond Number.MAX_SAFE_INTEGER exactly", () => {
    expect(nextBlockingIndex("18446744073709551614", "18446744073709551615")).toBe("18446744073709551615");
    expect(nextBlockingIndex("18446744073709551615", "18446744073709551614")).toBe("0");
    // These two are the same JS number; only BigInt sees the second as lower.
    expect(Number("9007199254740993")).toBe(Number("9007199254740992"));
    expect(nextBlockingIndex("9007199254740993", "9007199254740992")).toBe("0");
  });
  it("starts over on a missing or malformed header", () => {
    expect(nextBlockingIndex("5", null)).toBe("0");
    expect(nextBlockingIndex("5", "abc")).toBe("0");
  });
});

describe("blockingTimeoutMs", () => {
  it("exceeds wait plus the wait/16 jitter", () => {
    expect(blockingTimeoutMs(60_000, 0)).toBe(63_750);
    expect(blockingTimeoutMs(300_000)).toBeGreaterThan(300_000 + 300_000 / 16);
  });
});
