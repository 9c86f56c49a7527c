import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { toPositional, type Database, type Row, type SqlRunner, type SqlValue } from "./sql";

/**
 * The embedded store: one SQLite file in DASHBOARD_DATA_DIR, through better-sqlite3
 * (synchronous, so a statement has reached the disk when the call returns). WAL mode
 * with `synchronous = FULL`: every commit is fsynced, so a write we acknowledged
 * survives kill -9 or a power cut, and readers never block the writer.
 */
export function openSqlite(file: string): Database {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");

  const runner: SqlRunner = {
    async all(sql, params = []) {
      const q = toPositional(sql, params);
      return db.prepare(q.sql).all(...q.params) as Row[];
    },
    async run(sql, params = []) {
      const q = toPositional(sql, params);
      const stmt = db.prepare(q.sql);
      if (stmt.reader) {
        stmt.all(...q.params);
        return 0;
      }
      return stmt.run(...q.params).changes;
    },
  };

  // better-sqlite3 transactions are synchronous; ours take async callbacks, so they are
  // serialised here: one at a time, BEGIN IMMEDIATE … COMMIT around the callback.
  let chain: Promise<unknown> = Promise.resolve();
  return {
    dialect: "sqlite",
    ...runner,
    transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const next = chain.then(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const out = await fn(runner);
          db.exec("COMMIT");
          return out;
        } catch (err) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw err;
        }
      });
      chain = next.catch(() => undefined);
      return next;
    },
    async close() {
      await chain;
      db.close();
    },
  };
}

export type { SqlValue };
