import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "../log";
import { audit, recentChanges } from "./audit";

describe("audit", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs one structured line per write and keeps a bounded, newest-first list", () => {
    const info = vi.spyOn(log, "info").mockImplementation(() => undefined);
    for (let i = 0; i < 250; i++) audit({ who: "server token", action: "update", key: `k${i}`, oldIndex: String(i), newIndex: String(i + 1), size: 3 });
    expect(info).toHaveBeenCalledTimes(250);
    const line = info.mock.calls[0]?.[0] as unknown as Record<string, unknown>;
    expect(line).toMatchObject({ event: "kv_write", who: "server token", key: "k0", oldIndex: "0", newIndex: "1", size: 3 });
    expect(recentChanges(500)).toHaveLength(200);
    expect(recentChanges(1)[0]?.key).toBe("k249");
  });
});
