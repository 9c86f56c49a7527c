/**
 * Child process of store.crash.test.ts: writes versions into the SQLite store at argv[2]
 * as fast as it can and prints "ack <n>" once each is committed, until killed.
 * Run with `node --conditions=react-server --import tsx` (server-only allows it then).
 */
import { HistoryRepository } from "./repository";
import { openSqlite } from "./sqlite";

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: crash-writer <sqlite file>");
  const store = new HistoryRepository(openSqlite(file), { perKey: 1_000_000, totalBytes: 1 << 30 });
  for (let n = 1; ; n++) {
    await store.addVersions([{ key: `crash/k${n % 17}`, value: Buffer.alloc(64 + (n % 300), n % 256), flags: String(n), modifyIndex: String(n), deleted: false, who: "crash-test" }], `op-${n}`);
    await store.addAudit({ who: "crash-test", action: "update", key: `crash/k${n % 17}`, oldIndex: String(n), newIndex: String(n + 1), size: 64, outcome: "saved" });
    process.stdout.write(`ack ${n}\n`);
  }
}

void main();
