import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresMissing, startPostgres, type TestPostgres } from "../../../scripts/postgres/harness";
import { openPostgres } from "./postgres";
import { HistoryRepository, type NewVersion } from "./repository";
import type { Database } from "./sql";
import { toPositional } from "./sql";
import { openSqlite } from "./sqlite";

const v = (key: string, modifyIndex: string, size = 10, deleted = false): NewVersion => ({
  key,
  value: Buffer.alloc(size, modifyIndex.length),
  flags: "18446744073709551615",
  modifyIndex,
  deleted,
  who: "tester",
});

describe("toPositional", () => {
  it("turns $n into ? in order, repeats included, and leaves quoted text alone", () => {
    expect(toPositional("SELECT $2, $1, '$1', $2", ["a", "b"])).toEqual({ sql: "SELECT ?, ?, '$1', ?", params: ["b", "a", "b"] });
    expect(() => toPositional("SELECT $3", ["a"])).toThrow(/\$3/);
  });
});

/** The same behaviour on both stores: the queries are shared. */
function contract(name: string, open: () => Promise<Database>) {
  describe(`HistoryRepository on ${name}`, () => {
    let db: Database;
    let store: HistoryRepository;
    beforeAll(async () => {
      db = await open();
      store = new HistoryRepository(db, { perKey: 3, totalBytes: 1000 });
    });
    afterAll(async () => store?.close());

    it("keeps versions newest first, uint64 flags intact, one row per (key, ModifyIndex)", async () => {
      await store.addVersions([v("a/x", "5"), v("a/x", "6")], "op1");
      await store.addVersions([v("a/x", "6")], "op2"); // the prefix watch seeing the same change
      const got = await store.versions("a/x");
      expect(got.map((g) => g.modifyIndex)).toEqual(["6", "5"]);
      expect(got[0]?.flags).toBe("18446744073709551615");
      expect(Buffer.from(got[0]?.value ?? "", "base64")).toHaveLength(10);
      expect(got[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it("keeps the last N per key and drops a failed write's versions", async () => {
      await store.addVersions([v("b", "1"), v("b", "2"), v("b", "3"), v("b", "4")], "op3");
      expect((await store.versions("b")).map((g) => g.modifyIndex)).toEqual(["4", "3", "2"]);
      await store.addVersions([v("b", "9")], "failed-op");
      await store.dropOperation("failed-op");
      expect((await store.versions("b"))[0]?.modifyIndex).toBe("4");
    });

    it("evicts the oldest versions beyond the byte budget", async () => {
      await store.addVersions([v("big/1", "100", 495), v("big/2", "101", 495)], "op4");
      expect(await store.totalBytes()).toBeLessThanOrEqual(1000);
      expect(await store.versions("a/x")).toEqual([]);
      expect(await store.versions("big/2")).toHaveLength(1);
    });

    it("lists the last deleted version of each key below a prefix", async () => {
      await store.addVersions([v("gone/a", "20", 1, true), v("gone/b", "21", 1, true), v("gone%/c", "22", 1, true)], "op5");
      const d = await store.deletedBelow("gone/");
      expect(d.map((x) => x.key).sort()).toEqual(["gone/a", "gone/b"]);
      expect(d.every((x) => x.deleted)).toBe(true);
    });

    it("stores and filters the audit", async () => {
      await store.addAudit({ who: "alice", action: "update", key: "app/x", oldIndex: "1", newIndex: "2", size: 3, outcome: "saved" });
      await store.addAuditMany([
        { who: "bob", description: "Bob's token", action: "import", key: "app/y", oldIndex: "0", newIndex: "3", size: 3, outcome: "saved" },
        { who: "bob", action: "update", key: "other", oldIndex: "1", newIndex: "-", size: 3, outcome: "conflict", message: "changed" },
      ]);
      expect((await store.audit({ prefix: "app/" })).map((e) => e.key)).toEqual(["app/y", "app/x"]);
      expect((await store.audit({ who: "bob" })).map((e) => e.key)).toEqual(["other", "app/y"]);
      expect((await store.audit({ who: "Bob's token" })).map((e) => e.key)).toEqual(["app/y"]);
      expect((await store.audit({ outcome: "conflict" }))[0]?.message).toBe("changed");
      const first = (await store.audit({}))[0];
      expect(await store.audit({ beforeId: first?.id })).toHaveLength(2);
      expect(await store.audit({ from: "2999-01-01T00:00:00Z" })).toHaveLength(0);
      expect(await store.audit({ to: "2000-01-01T00:00:00Z" })).toHaveLength(0);
    });
  });
}

contract("SQLite", async () => openSqlite(":memory:"));

const missing = postgresMissing();
describe.skipIf(missing !== null)(`PostgreSQL${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(async () => pg?.stop(), 30_000);
  contract("PostgreSQL", async () => openPostgres(pg.url));
});
