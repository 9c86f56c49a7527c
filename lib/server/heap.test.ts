import { describe, expect, it, vi } from "vitest";

const setFlagsFromString = vi.fn();
vi.mock("node:v8", () => ({ setFlagsFromString }));

const { applyHeapGrowth } = await import("./heap");

describe("applyHeapGrowth", () => {
  it("passes the percentage to V8 as its --heap-growing-percent flag", () => {
    applyHeapGrowth(50);
    expect(setFlagsFromString).toHaveBeenLastCalledWith("--heap-growing-percent=50");
  });

  it("leaves V8's own rule alone for 0 and refuses what is not a percentage from 0 to 400", () => {
    setFlagsFromString.mockClear();
    applyHeapGrowth(0);
    for (const bad of [-1, 401, 1.5, Number.NaN]) expect(() => applyHeapGrowth(bad)).toThrow(RangeError);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
