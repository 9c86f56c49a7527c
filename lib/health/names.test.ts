import { describe, expect, it } from "vitest";
import { datacenterProblem, MAX_NAME_BYTES, nameProblem, decodeName } from "./names";

describe("service and node names", () => {
  it("accepts what Consul services are usually called, unicode and odd characters included", () => {
    for (const n of ["web", "api-gateway", "a.b", "...a", "a..", "café", "日本語", "a b", "a%b", "a%2Fb", "a#b?c", "x".repeat(MAX_NAME_BYTES)]) {
      expect(nameProblem(n), n).toBeNull();
    }
  });

  it("refuses empty names, slashes, control characters and every dot spelling", () => {
    const bad = ["", "a/b", "/", "..", ".", "%2e", "%2E", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "%252e%252e", "..%2F..%2Facl", "%2e%2e%5c", "a\u0000b", "a\rb", "a\nb", "\t", "a\u007fb", "a\u0085b", "%0d%0a"];
    for (const n of bad) expect(nameProblem(n), JSON.stringify(n)).not.toBeNull();
  });

  it("counts the length in UTF-8 bytes", () => {
    expect(nameProblem("é".repeat(MAX_NAME_BYTES / 2))).toBeNull();
    expect(nameProblem("é".repeat(MAX_NAME_BYTES / 2 + 1))).toMatch(/bytes long/);
  });

  it("names the kind in its message", () => {
    expect(nameProblem("a/b", "node")).toMatch(/node name/);
  });
});

describe("datacenter names", () => {
  it("accepts Consul's datacenter alphabet only", () => {
    for (const dc of ["dc1", "eu-west_2", "DC1"]) expect(datacenterProblem(dc)).toBeNull();
    for (const dc of ["", "dc 1", "dc/1", "..", "dc1\n", "é", "x".repeat(129)]) expect(datacenterProblem(dc), dc).not.toBeNull();
  });
});

describe("decodeName", () => {
  it("decodes a URL segment, and answers null for a malformed %-escape instead of throwing", () => {
    expect(decodeName("web%20api")).toBe("web api");
    expect(decodeName("%E0%A4%A")).toBeNull();
    expect(decodeName("%")).toBeNull();
  });
});
