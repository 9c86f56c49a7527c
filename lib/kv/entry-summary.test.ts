import { describe, expect, it } from "vitest";
import { summarizeEntry } from "./entry-summary";

const entry = (value: string, flags = "0") => ({
  key: "k",
  value: Buffer.from(value, "binary").toString("base64"),
  flags,
  createIndex: "1",
  modifyIndex: "42",
  lockIndex: "0",
  session: null,
});

describe("summarizeEntry", () => {
  it("sizes and sniffs the kind", () => {
    expect(summarizeEntry(entry('{"a":1}'))).toEqual({ key: "k", size: 7, kind: "json", flags: "0", modifyIndex: "42" });
    expect(summarizeEntry(entry("a: 1\nb: 2\n")).kind).toBe("yaml");
    expect(summarizeEntry(entry("hello")).kind).toBe("text");
    expect(summarizeEntry(entry("\x89PNG\r\n\x1a\n\xff\xfe")).kind).toBe("binary");
    expect(summarizeEntry(entry("", "18446744073709551615"))).toMatchObject({ size: 0, kind: "text", flags: "18446744073709551615" });
  });
});
