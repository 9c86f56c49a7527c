import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "../log";
import { HistoryRepository } from "../store/repository";
import { openSqlite } from "../store/sqlite";
import { audit, recentChanges } from "./audit";

describe("audit", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs one structured line per attempt, stores every outcome, and lists saved writes newest first", async () => {
    const info = vi.spyOn(log, "info").mockImplementation(() => undefined);
    const store = new HistoryRepository(openSqlite(":memory:"), { perKey: 50, totalBytes: 1 << 20 });
    for (let i = 0; i < 250; i++) await audit({ who: "server token", action: "update", key: `k${i}`, oldIndex: String(i), newIndex: String(i + 1), size: 3 }, store);
    await audit({ who: "op", action: "update", key: "k-x", oldIndex: "1", newIndex: "-", size: 3, outcome: "conflict" }, store);
    expect(info).toHaveBeenCalledTimes(250);
    const line = info.mock.calls[0]?.[0] as unknown as Record<string, unknown>;
    expect(line).toMatchObject({ event: "kv_write", who: "server token", key: "k0", oldIndex: "0", newIndex: "1", size: 3, outcome: "saved" });
    expect(await recentChanges(500, store)).toHaveLength(250);
    expect((await recentChanges(1, store))[0]?.key).toBe("k249");
    expect((await store.audit({ outcome: "conflict" }))[0]).toMatchObject({ key: "k-x", outcome: "conflict" });
    expect(await store.audit({ prefix: "k2", limit: 1000 })).toHaveLength(61);
    await store.close();
  });
});
