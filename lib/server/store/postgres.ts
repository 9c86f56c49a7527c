import "server-only";
import pg from "pg";
import type { Database, Row, SqlRunner } from "./sql";

/**
 * The shared store for several dashboard replicas: one PostgreSQL (DASHBOARD_DATABASE_URL).
 * Same queries as SQLite. A commit is durable when PostgreSQL acknowledges it (its default
 * synchronous_commit = on).
 */
export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const runnerOf = (c: pg.Pool | pg.PoolClient): SqlRunner => ({
    async all(sql, params = []) {
      return (await c.query(sql, [...params])).rows as Row[];
    },
    async run(sql, params = []) {
      return (await c.query(sql, [...params])).rowCount ?? 0;
    },
  });
  return {
    dialect: "postgres",
    ...runnerOf(pool),
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(runnerOf(client));
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
