import { describe, expect, it } from "vitest";
import { tabIcon, tabTitle, worstTone } from "./tab-status";

describe("tab status", () => {
  it("leads with the DOWN count, then DEGRADED", () => {
    expect(tabTitle("Services", "dc1", { DOWN: 2, DEGRADED: 5 })).toBe("(2 DOWN) Services · dc1");
    expect(tabTitle("Services", "dc1", { DOWN: 0, DEGRADED: 3 })).toBe("(3 DEGRADED) Services · dc1");
    expect(tabTitle("Services", undefined, { DOWN: 0, DEGRADED: 0 })).toBe("Services");
  });
  it("picks the worst tone and its icon", () => {
    expect(worstTone({ DOWN: 1, DEGRADED: 2 })).toBe("DOWN");
    expect(worstTone({ DEGRADED: 2 })).toBe("DEGRADED");
    expect(worstTone({})).toBe("OK");
    expect(worstTone(undefined)).toBe("neutral");
    expect(tabIcon("DOWN")).toBe("/icons/down.svg");
    expect(tabIcon("neutral")).toBe("/icons/neutral.svg");
  });
});
