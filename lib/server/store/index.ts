import "server-only";
import path from "node:path";
import { getConfig } from "../config";
import { openPostgres } from "./postgres";
import { HistoryRepository } from "./repository";
import { openSqlite } from "./sqlite";

// On globalThis so every route bundle of the Next.js server shares one connection (one SQLite writer).
const KEY = Symbol.for("consul-dashboard.history-store");
type WithStore = typeof globalThis & { [KEY]?: HistoryRepository };

/** The file of the embedded store, in DASHBOARD_DATA_DIR. */
export const SQLITE_FILE = "dashboard.sqlite";

/** The process-wide store of KV versions and the audit: PostgreSQL when DASHBOARD_DATABASE_URL is set, else SQLite. */
export function getHistoryStore(): HistoryRepository {
  const g = globalThis as WithStore;
  if (!g[KEY]) {
    const c = getConfig();
    const db = c.history.databaseUrl ? openPostgres(c.history.databaseUrl) : openSqlite(path.join(c.dataDir, SQLITE_FILE));
    g[KEY] = new HistoryRepository(db, { perKey: c.history.versionsPerKey, totalBytes: c.history.totalBytes });
  }
  return g[KEY];
}

/** On shutdown: the SQLite file is closed cleanly (its WAL checkpointed), PostgreSQL connections ended. */
export async function closeHistoryStore(): Promise<void> {
  const g = globalThis as WithStore;
  const store = g[KEY];
  g[KEY] = undefined;
  await store?.close();
}
