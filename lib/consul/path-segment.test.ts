import { describe, expect, it } from "vitest";
import { isDotSegment, segmentProblem } from "./path-segment";

describe("Consul URL path segments", () => {
  it("refuses every spelling of a dot segment, after percent-decoding too", () => {
    const dots = [".", "..", "%2e", "%2E", "%2e%2e", "%2E%2e", "%2e%2E", "%2E%2E", ".%2e", "%2e.", "%252e", "%252E%252e", "%25252e", "..%2f", "%2F..", "a%2F..%2Fb", "..\\", "%5C.."];
    for (const s of dots) {
      expect(isDotSegment(s), s).toBe(true);
      expect(segmentProblem(s), s).toMatch(/“\.” or “\.\.”/);
    }
  });

  it("refuses empty segments and control characters (raw or encoded)", () => {
    expect(segmentProblem("")).toMatch(/empty/);
    for (const s of ["a\rb", "a\nb", "\u0000", "%0d%0a", "a%00", "%7f"]) expect(segmentProblem(s), s).toMatch(/control/);
  });

  it("lets ordinary segments through, even with dots or stray percent signs", () => {
    for (const s of ["a", "a.b", "...", "a..b", ".hidden", "%", "%E0%A4%A", "100%", "a b", "日本語", "%2e%2e%2e"]) {
      expect(segmentProblem(s), s).toBeNull();
    }
  });
});
