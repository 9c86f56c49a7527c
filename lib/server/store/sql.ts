import "server-only";

/**
 * The one small repository interface both stores implement. SQL is written once, in a
 * portable subset (ANSI types TEXT/INTEGER, `ON CONFLICT DO NOTHING`, `$1` placeholders):
 * PostgreSQL runs it as is, SQLite gets `$n` turned into positional `?` (sqlite.ts).
 * Only the table definitions differ (BLOB vs BYTEA, AUTOINCREMENT vs BIGSERIAL): schema.ts.
 */
export type SqlValue = string | number | Buffer | null;
export type Row = Record<string, unknown>;

export interface SqlRunner {
  /** Rows of a SELECT (or of a statement with RETURNING). */
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** A statement without rows; answers how many rows it touched. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface Database extends SqlRunner {
  readonly dialect: "sqlite" | "postgres";
  /** Runs `fn` in one transaction: committed (and on disk) when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * `$1 … $n` → `?` with the parameters reordered to match, so one query text serves
 * both dialects. `$n` inside a quoted string literal is left alone.
 */
export function toPositional(sql: string, params: readonly SqlValue[]): { sql: string; params: SqlValue[] } {
  const out: SqlValue[] = [];
  let text = "";
  let quoted = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") quoted = !quoted;
    if (!quoted && c === "$" && /\d/.test(sql[i + 1] ?? "")) {
      let j = i + 1;
      while (j < sql.length && /\d/.test(sql[j] ?? "")) j++;
      const n = Number(sql.slice(i + 1, j));
      if (n < 1 || n > params.length) throw new Error(`SQL placeholder $${n} has no parameter (${params.length} given)`);
      out.push(params[n - 1] ?? null);
      text += "?";
      i = j - 1;
      continue;
    }
    text += c;
  }
  return { sql: text, params: out };
}
