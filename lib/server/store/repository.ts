import "server-only";
import { createHash } from "node:crypto";
import type { AuditFilter, AuditOutcome, AuditRecord, KvVersion } from "@/lib/api/kv-history";
import type { Database, Row, SqlRunner, SqlValue } from "./sql";
import { migrate } from "./schema";

/** A value about to be replaced or deleted, as the dashboard (or the prefix watch) saw it. */
export interface NewVersion {
  key: string;
  value: Buffer;
  flags: string;
  modifyIndex: string;
  deleted: boolean;
  who: string;
  at?: string;
}

export interface NewAudit {
  who: string;
  description?: string | null;
  action: string;
  key: string;
  oldIndex: string;
  newIndex: string;
  size: number;
  outcome: AuditOutcome;
  message?: string | null;
}

export interface Retention {
  /** Versions kept per key. */
  perKey: number;
  /** Total bytes of kept values; the oldest versions go first beyond it. */
  totalBytes: number;
}

/** Code points, as both SQLite's and PostgreSQL's substr() count them. */
const codePoints = (s: string) => [...s].length;

function toVersion(r: Row): KvVersion {
  const value = r.value instanceof Uint8Array ? Buffer.from(r.value) : Buffer.alloc(0);
  return {
    id: String(r.id),
    key: String(r.key),
    value: value.toString("base64"),
    flags: String(r.flags),
    modifyIndex: String(r.modify_index),
    who: String(r.who),
    at: String(r.at),
    deleted: Number(r.deleted) === 1,
    size: Number(r.size),
    sha256: createHash("sha256").update(value).digest("hex"),
  };
}

function toAudit(r: Row): AuditRecord {
  return {
    id: String(r.id),
    at: String(r.at),
    who: String(r.who),
    description: r.description == null ? null : String(r.description),
    action: String(r.action),
    key: String(r.key),
    oldIndex: String(r.old_index),
    newIndex: String(r.new_index),
    size: Number(r.size),
    outcome: String(r.outcome) as AuditOutcome,
    message: r.message == null ? null : String(r.message),
  };
}

const VERSION_COLUMNS = "id, key, value, flags, modify_index, deleted, who, at, size";

/**
 * KV versions and the audit, over either store. Every statement here is the same text
 * for SQLite and PostgreSQL.
 */
export class HistoryRepository {
  private ready: Promise<void> | undefined;

  constructor(
    readonly db: Database,
    private readonly retention: Retention,
  ) {}

  private init(): Promise<void> {
    this.ready ??= migrate(this.db);
    return this.ready;
  }

  /**
   * Keeps values (before they are replaced) under one operation id, committed and on disk
   * when this resolves. A value already kept (same key and ModifyIndex) is not kept twice.
   */
  async addVersions(rows: readonly NewVersion[], opId: string): Promise<void> {
    if (rows.length === 0) return;
    await this.init();
    const at = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      for (const v of rows) {
        await tx.run(
          "INSERT INTO kv_versions (key, value, flags, modify_index, deleted, who, at, size, op_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (key, modify_index) DO NOTHING",
          [v.key, v.value, v.flags, v.modifyIndex, v.deleted ? 1 : 0, v.who, v.at ?? at, v.value.length, opId],
        );
      }
      for (const key of new Set(rows.map((r) => r.key))) await this.prunePerKey(tx, key);
      await this.pruneBudget(tx);
    });
  }

  /** Forgets what one operation kept: its write did not happen (a conflict, a denial). */
  async dropOperation(opId: string): Promise<void> {
    await this.init();
    await this.db.run("DELETE FROM kv_versions WHERE op_id = $1", [opId]);
  }

  private async prunePerKey(tx: SqlRunner, key: string): Promise<void> {
    await tx.run(
      "DELETE FROM kv_versions WHERE key = $1 AND id NOT IN (SELECT id FROM kv_versions WHERE key = $1 ORDER BY id DESC LIMIT $2)",
      [key, this.retention.perKey],
    );
  }

  private async pruneBudget(tx: SqlRunner): Promise<void> {
    const [row] = await tx.all("SELECT COALESCE(SUM(size), 0) AS total FROM kv_versions");
    let excess = Number(row?.total ?? 0) - this.retention.totalBytes;
    while (excess > 0) {
      const oldest = await tx.all("SELECT id, size FROM kv_versions ORDER BY id ASC LIMIT 200");
      if (oldest.length === 0) return;
      const drop: SqlValue[] = [];
      for (const o of oldest) {
        if (excess <= 0) break;
        drop.push(Number(o.id));
        excess -= Number(o.size);
      }
      const marks = drop.map((_, i) => `$${i + 1}`).join(", ");
      await tx.run(`DELETE FROM kv_versions WHERE id IN (${marks})`, drop);
    }
  }

  /** A key's kept versions, newest first. */
  async versions(key: string, limit = 200): Promise<KvVersion[]> {
    await this.init();
    const rows = await this.db.all(`SELECT ${VERSION_COLUMNS} FROM kv_versions WHERE key = $1 ORDER BY id DESC LIMIT $2`, [key, limit]);
    return rows.map(toVersion);
  }

  async version(id: string): Promise<KvVersion | null> {
    await this.init();
    const [row] = await this.db.all(`SELECT ${VERSION_COLUMNS} FROM kv_versions WHERE id = $1`, [Number(id)]);
    return row ? toVersion(row) : null;
  }

  /** The last deleted version of each key below `prefix` that was deleted, newest first. */
  async deletedBelow(prefix: string, limit = 200): Promise<KvVersion[]> {
    await this.init();
    const rows = await this.db.all(
      `SELECT ${VERSION_COLUMNS} FROM kv_versions WHERE deleted = 1 AND substr(key, 1, $1) = $2 ORDER BY id DESC LIMIT $3`,
      [codePoints(prefix), prefix, limit * 4],
    );
    const seen = new Set<string>();
    const out: KvVersion[] = [];
    for (const v of rows.map(toVersion)) {
      if (seen.has(v.key) || !v.key.startsWith(prefix)) continue;
      seen.add(v.key);
      out.push(v);
    }
    return out.slice(0, limit);
  }

  async totalBytes(): Promise<number> {
    await this.init();
    const [row] = await this.db.all("SELECT COALESCE(SUM(size), 0) AS total FROM kv_versions");
    return Number(row?.total ?? 0);
  }

  /** One write attempt, committed (and on disk) when this resolves. */
  async addAudit(entry: NewAudit): Promise<AuditRecord> {
    await this.init();
    const at = new Date().toISOString();
    const [row] = await this.db.all(
      "INSERT INTO kv_audit (at, who, description, action, key, old_index, new_index, size, outcome, message) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      [at, entry.who, entry.description ?? null, entry.action, entry.key, entry.oldIndex, entry.newIndex, entry.size, entry.outcome, entry.message ?? null],
    );
    return { id: String(row?.id), at, ...entry, description: entry.description ?? null, message: entry.message ?? null };
  }

  /** Several attempts (an import's rows) in one transaction: one fsync, not one per row. */
  async addAuditMany(entries: readonly NewAudit[]): Promise<void> {
    if (entries.length === 0) return;
    await this.init();
    const at = new Date().toISOString();
    await this.db.transaction(async (tx) => {
      for (const e of entries) {
        await tx.run(
          "INSERT INTO kv_audit (at, who, description, action, key, old_index, new_index, size, outcome, message) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
          [at, e.who, e.description ?? null, e.action, e.key, e.oldIndex, e.newIndex, e.size, e.outcome, e.message ?? null],
        );
      }
    });
  }

  /** Audit entries, newest first; `beforeId` pages on. */
  async audit(filter: AuditFilter & { beforeId?: string }): Promise<AuditRecord[]> {
    await this.init();
    const where: string[] = [];
    const params: SqlValue[] = [];
    const add = (clause: (n: string) => string, v: SqlValue) => {
      params.push(v);
      where.push(clause(`$${params.length}`));
    };
    if (filter.prefix) {
      params.push(codePoints(filter.prefix), filter.prefix);
      where.push(`substr(key, 1, $${params.length - 1}) = $${params.length}`);
    }
    if (filter.who) add((n) => `(who = ${n} OR description = ${n})`, filter.who);
    if (filter.from) add((n) => `at >= ${n}`, filter.from);
    if (filter.to) add((n) => `at <= ${n}`, filter.to);
    if (filter.outcome) add((n) => `outcome = ${n}`, filter.outcome);
    if (filter.beforeId) add((n) => `id < ${n}`, Number(filter.beforeId));
    params.push(filter.limit ?? 200);
    const sql = `SELECT * FROM kv_audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT $${params.length}`;
    return (await this.db.all(sql, params)).map(toAudit);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
