import "server-only";
import type { Database } from "./sql";

/**
 * Table definitions: the only SQL that differs between the dialects (a byte column and
 * an auto-numbered key). Every other statement is shared (repository.ts).
 */
function tables(d: Database["dialect"]): string[] {
  const id = d === "sqlite" ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
  const bytes = d === "sqlite" ? "BLOB" : "BYTEA";
  return [
    `CREATE TABLE IF NOT EXISTS kv_versions (
      id ${id},
      key TEXT NOT NULL,
      value ${bytes} NOT NULL,
      flags TEXT NOT NULL,
      modify_index TEXT NOT NULL,
      deleted INTEGER NOT NULL,
      who TEXT NOT NULL,
      at TEXT NOT NULL,
      size INTEGER NOT NULL,
      op_id TEXT NOT NULL
    )`,
    // One row per value a key ever held: the dashboard's own record and the prefix watch's
    // (or another replica's) record of the same change collapse into one.
    "CREATE UNIQUE INDEX IF NOT EXISTS kv_versions_key_index ON kv_versions (key, modify_index)",
    "CREATE INDEX IF NOT EXISTS kv_versions_op ON kv_versions (op_id)",
    "CREATE INDEX IF NOT EXISTS kv_versions_deleted ON kv_versions (deleted, key)",
    `CREATE TABLE IF NOT EXISTS kv_audit (
      id ${id},
      at TEXT NOT NULL,
      who TEXT NOT NULL,
      description TEXT,
      action TEXT NOT NULL,
      key TEXT NOT NULL,
      old_index TEXT NOT NULL,
      new_index TEXT NOT NULL,
      size INTEGER NOT NULL,
      outcome TEXT NOT NULL,
      message TEXT
    )`,
    "CREATE INDEX IF NOT EXISTS kv_audit_at ON kv_audit (at)",
    "CREATE INDEX IF NOT EXISTS kv_audit_key ON kv_audit (key)",
  ];
}

export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // Replicas starting together on one PostgreSQL: one creates the tables, the others wait.
    if (db.dialect === "postgres") await tx.all("SELECT pg_advisory_xact_lock(7214013)");
    for (const sql of tables(db.dialect)) await tx.run(sql);
  });
}
