import { describe, expect, it } from "vitest";
import { fingerprint } from "./fingerprint";

describe("fingerprint", () => {
  it("is the same for the same string and short", () => {
    const s = JSON.stringify([{ node: "n1", id: "web-1", port: 8080, tags: ["a"] }]);
    expect(fingerprint(s)).toBe(fingerprint(`${s}`.slice(0)));
    expect(fingerprint(s).length).toBeLessThan(24);
  });

  it("tells apart every one-character change of an instance list, and reordered lists", () => {
    const base = JSON.stringify(Array.from({ length: 10 }, (_, k) => ({ node: `bench-node-${k}`, id: `svc-${k}`, address: `10.0.0.${k}`, port: 8000 + k, healthy: true })));
    const seen = new Set([fingerprint(base)]);
    let variants = 1;
    for (let i = 0; i < base.length; i++) {
      for (const c of ["0", "1", "x", '"']) {
        if (base[i] === c) continue;
        seen.add(fingerprint(base.slice(0, i) + c + base.slice(i + 1)));
        variants++;
      }
    }
    const swapped = JSON.stringify(JSON.parse(base).reverse());
    seen.add(fingerprint(swapped));
    variants++;
    expect(seen.size).toBe(variants);
  });

  it("tells apart strings that differ only in length", () => {
    expect(fingerprint("")).not.toBe(fingerprint("\u0000"));
    expect(fingerprint("ab")).not.toBe(fingerprint("ab\u0000"));
  });
});
