import { describe, expect, it } from "vitest";
import { kvPath } from "../consul/seed-api";
import { BIG_VALUE_BYTES, demoKvEntries, KV_MAX_VALUE_BYTES } from "./kv-seed";

describe("demo KV tree", () => {
  const entries = demoKvEntries();
  const get = (key: string) => {
    const e = entries.find((x) => x.key === key);
    if (!e) throw new Error(`missing ${key}`);
    return e;
  };

  it("has unique keys without a leading slash, '..' or edge spaces (Consul 1.22 rejects those)", () => {
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
    for (const { key } of entries) {
      expect(key.startsWith("/"), key).toBe(false);
      expect(key.split("/").includes(".."), key).toBe(false);
      expect(key.trim(), key).toBe(key);
    }
  });

  it("nests folders at least three deep", () => {
    expect(Math.max(...entries.map((e) => e.key.split("/").filter(Boolean).length))).toBeGreaterThanOrEqual(4);
  });

  it("has valid JSON config and a feature-flags object of booleans", () => {
    expect(() => JSON.parse(get("config/payments/database.json").value.toString("utf8"))).not.toThrow();
    const flags: unknown = JSON.parse(get("features/flags").value.toString("utf8"));
    expect(typeof flags).toBe("object");
    const values = Object.values(flags as Record<string, unknown>);
    expect(values.length).toBeGreaterThan(3);
    expect(values.every((v) => typeof v === "boolean")).toBe(true);
  });

  it("has YAML, keys with spaces and unicode", () => {
    expect(get("config/search/settings.yaml").value.toString("utf8")).toMatch(/^index: products-v8$/m);
    expect(entries.some((e) => e.key.includes(" "))).toBe(true);
    expect(entries.some((e) => /[^\x00-\x7f]/.test(e.key))).toBe(true);
  });

  it("has binary values that are not valid UTF-8", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    for (const key of ["assets/logo.png", "secrets-meta/session-key.bin"]) {
      expect(() => strict.decode(get(key).value), key).toThrow();
    }
    const blob = get("secrets-meta/session-key.bin").value;
    expect([blob[0], blob[1]]).toEqual([0xff, 0xfe]);
  });

  it("has one value near, but under, the 512 KiB limit", () => {
    const big = get("data/geoip/ranges.csv").value;
    expect(big.length).toBe(BIG_VALUE_BYTES);
    expect(big.length).toBeLessThan(KV_MAX_VALUE_BYTES);
    expect(big.length).toBeGreaterThan(KV_MAX_VALUE_BYTES * 0.95);
  });

  it("encodes each key segment, keeping slashes", () => {
    expect(kvPath("config/team notes/on-call rota")).toBe("/v1/kv/config/team%20notes/on-call%20rota");
    expect(kvPath("i18n/greeting/日本語")).toBe("/v1/kv/i18n/greeting/%E6%97%A5%E6%9C%AC%E8%AA%9E");
    expect(kvPath("config/")).toBe("/v1/kv/config/");
  });
});
