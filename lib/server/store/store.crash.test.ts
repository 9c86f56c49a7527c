import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HistoryRepository } from "./repository";
import { openSqlite } from "./sqlite";

describe("the SQLite store under kill -9", () => {
  it("keeps every version whose write was acknowledged, and reopens readable", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dashboard-crash-"));
    const file = path.join(dir, "dashboard.sqlite");
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "crash-writer.ts"), file], {
      cwd: path.join(__dirname, "../../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let acked = 0;
    let err = "";
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    await new Promise<void>((resolve, reject) => {
      let buf = "";
      child.stdout.on("data", (b: Buffer) => {
        buf += b.toString();
        const lines = buf.split("\n");
        buf = lines.pop() ?? "";
        for (const l of lines) {
          const m = /^ack (\d+)$/.exec(l);
          if (m) acked = Number(m[1]);
        }
        // Mid-stream: well into the writes, with more in flight.
        if (acked >= 300) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`writer exited early (${code}): ${err}`))));
    });
    await new Promise((r) => child.once("exit", r).emit("noop"));

    const store = new HistoryRepository(openSqlite(file), { perKey: 1_000_000, totalBytes: 1 << 30 });
    try {
      const keys = Array.from({ length: 17 }, (_, i) => `crash/k${i}`);
      const kept = new Set<number>();
      for (const k of keys) for (const v of await store.versions(k, 1_000_000)) kept.add(Number(v.modifyIndex));
      for (let n = 1; n <= acked; n++) expect(kept.has(n), `acknowledged version ${n} is missing`).toBe(true);
      expect((await store.audit({ limit: 1000 })).length).toBeGreaterThanOrEqual(acked);
      const [check] = await store.db.all("PRAGMA integrity_check");
      expect(check?.integrity_check).toBe("ok");
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
