import { describe, expect, it } from "vitest";
import type { ImportRow } from "@/lib/api/kv";
import { HttpError } from "../http/http-error";
import { checkImportRows, commonFolder, controlCharProblem } from "./import-rows";

const row = (over: Partial<ImportRow>): ImportRow => ({ key: "app/a", action: "create", value: "eA==", flags: "0", expectIndex: "0", size: 1, ...over });

function refusal(rows: ImportRow[], existing: string[] = [], limit = 1024): HttpError {
  try {
    checkImportRows(rows, new Set(existing), limit);
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("import rows, checked on the server", () => {
  it("accepts good rows and decides create vs change from what Consul holds", () => {
    const out = checkImportRows(
      [row({ key: "app/new" }), row({ key: "app/old", action: "change", expectIndex: "42", flags: "18446744073709551615" }), row({ key: "app/same", action: "unchanged" })],
      new Set(["app/old", "app/same"]),
      1024,
    );
    expect(out.map((r) => [r.key, r.creates, r.flags, r.expectIndex])).toEqual([
      ["app/new", true, "0", "0"],
      ["app/old", false, "18446744073709551615", "42"],
    ]);
    expect(out[0]?.bytes.toString()).toBe("x");
  });

  it("applies the editor's key rules to every row that would create a key, whatever the browser calls it", () => {
    for (const key of ["a//b", "..", "a/../b", "/lead", "./x"]) {
      const err = refusal([row({ key, action: "change", expectIndex: "0" })]);
      expect(err.kind).toBe("bad_key");
      expect(err.message).toContain(`Row 1 (“${key}”)`);
    }
    // "change" with an index, but Consul does not hold the key: it would be created.
    expect(refusal([row({ key: "a//b", action: "change", expectIndex: "7" })]).kind).toBe("bad_key");
    // An existing oddly named key may still be changed (it was made elsewhere).
    expect(checkImportRows([row({ key: "a//b", action: "change", expectIndex: "7" })], new Set(["a//b"]), 1024)).toHaveLength(1);
  });

  it("refuses flags and indexes that are not strict uint64 digits, naming the row and field", () => {
    const cases: [Partial<ImportRow>, string][] = [
      [{ flags: "abc" }, "flags"],
      [{ flags: "-1" }, "flags"],
      [{ flags: "1e3" }, "flags"],
      [{ flags: " 1" }, "flags"],
      [{ flags: "18446744073709551616" }, "flags"],
      [{ expectIndex: "x" }, "expectIndex"],
      [{ expectIndex: "" }, "expectIndex"],
      [{ expectIndex: "007" }, "expectIndex"],
    ];
    for (const [over, field] of cases) {
      const err = refusal([row({ key: "ok/1" }), row({ key: "ok/2", ...over })]);
      expect(err.status).toBe(400);
      expect(err.message).toContain(`Row 2 (“ok/2”): ${field}:`);
    }
  });

  it("measures the decoded bytes, not the size the browser claims", () => {
    const big = Buffer.alloc(2000, 1).toString("base64");
    const err = refusal([row({ value: big, size: 1 })], [], 1024);
    expect(err.kind).toBe("too_large");
    expect(err.message).toContain("2000 bytes");
    expect(refusal([row({ value: "not base64!" })]).message).toContain("value: not standard base64");
  });

  it("names control characters in keys", () => {
    expect(controlCharProblem("a\nb")).toContain("U+000A at position 2");
    expect(controlCharProblem("a\u007fb")).toContain("U+007F");
    expect(controlCharProblem("fine/key é")).toBeNull();
    expect(refusal([row({ key: "x\ty" })]).message).toContain("U+0009");
  });

  it("finds the common folder of the keys", () => {
    expect(commonFolder(["a/b/c", "a/b/d", "a/x"])).toBe("a/");
    expect(commonFolder(["ab", "ac"])).toBe("");
    expect(commonFolder([])).toBe("");
  });
});
