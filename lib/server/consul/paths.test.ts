import { describe, expect, it } from "vitest";
import { consulKvPath, consulPath, UnsafePathError } from "./paths";

describe("consulPath", () => {
  it("encodes each segment on its own", () => {
    expect(consulPath("health", "service", "a b#c?d%e")).toBe("/v1/health/service/a%20b%23c%3Fd%25e");
    expect(consulPath("catalog", "service", "a/b")).toBe("/v1/catalog/service/a%2Fb");
    expect(consulPath("health", "service", "日本")).toBe("/v1/health/service/%E6%97%A5%E6%9C%AC");
  });

  it("refuses empty and dot segments in every spelling, and control characters, with a typed 400", () => {
    const bad = ["", ".", "..", "%2e", "%2E", "%2e%2e", "%2E%2e", "%2e%2E", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "..%2F..%2Facl%2Ftokens", "%2e%2e%2f%2e%2e", "..\\..", "a\r\nb", "%0d%0a"];
    for (const seg of bad) {
      let err: unknown;
      try {
        consulPath("health", "service", seg);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(seg)).toBeInstanceOf(UnsafePathError);
      expect((err as UnsafePathError).status).toBe(400);
    }
  });

  it("never produces a path that the URL parser resolves elsewhere", () => {
    const base = "http://127.0.0.1:8500";
    for (const seg of ["...", "a..", "..a", "%", "%%2e", "a%2e"]) {
      const path = consulPath("health", "service", seg);
      expect(new URL(path, base).pathname, seg).toBe(path);
    }
  });
});

describe("consulKvPath", () => {
  it("keeps `/` as separators and allows a trailing `/` (a folder) and the root", () => {
    expect(consulKvPath("config/web/a b")).toBe("/v1/kv/config/web/a%20b");
    expect(consulKvPath("config/")).toBe("/v1/kv/config/");
    expect(consulKvPath("")).toBe("/v1/kv/");
  });

  it("refuses keys a URL path would rewrite (those go through /v1/txn)", () => {
    for (const key of ["a//b", "a/../b", "a/%2e%2e/b", "a/./b", "/a", "a/\u0001"]) {
      expect(() => consulKvPath(key), key).toThrow(UnsafePathError);
    }
  });
});
