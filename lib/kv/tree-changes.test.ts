import { describe, expect, it } from "vitest";
import type { KvEntry } from "@/lib/api/kv";
import { treeChanges } from "./tree-changes";

const e = (key: string, modifyIndex: string, value = "eA=="): KvEntry => ({ key, value, flags: "0", createIndex: "1", modifyIndex, lockIndex: "0", session: null });

describe("treeChanges", () => {
  it("reports replaced and deleted keys by ModifyIndex, not new ones", () => {
    const prev = new Map([e("a", "5"), e("b", "6"), e("c", "7")].map((x) => [x.key, x]));
    const out = treeChanges(prev, [e("a", "5"), e("b", "9"), e("d", "10")]);
    expect(out.replaced.map((x) => x.key)).toEqual(["b"]);
    expect(out.replaced[0]?.modifyIndex).toBe("6");
    expect(out.deleted.map((x) => x.key)).toEqual(["c"]);
  });
  it("a return without change reports nothing", () => {
    const prev = new Map([e("a", "5")].map((x) => [x.key, x]));
    expect(treeChanges(prev, [e("a", "5")])).toEqual({ replaced: [], deleted: [] });
  });
});
