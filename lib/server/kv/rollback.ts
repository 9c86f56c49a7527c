import "server-only";
import type { KvEntry } from "@/lib/api/kv";
import { chunk } from "@/lib/kv/import-plan";
import type { Operator } from "../auth/operator";
import { txn, type TxnOp } from "../consul/kv";
import { log } from "../log";
import { auditMany, type AuditInput } from "./audit";

/** A row an import batch wrote: the index it expected before and the one Consul gave it. */
export interface WrittenRow {
  key: string;
  expectIndex: string;
  newIndex: string;
  size: number;
}

export interface RollbackOutcome {
  rolledBack: number;
  failures: { key: string; reason: string }[];
}

/** The operation that undoes one written row, check-and-set against what the import wrote. */
export function undoOp(w: WrittenRow, before: ReadonlyMap<string, KvEntry>): TxnOp | null {
  if (w.expectIndex === "0") return { Verb: "delete-cas", Key: w.key, Index: w.newIndex };
  const prev = before.get(w.key);
  if (!prev) return null;
  return { Verb: "cas", Key: w.key, Value: prev.value, Flags: prev.flags, Index: w.newIndex };
}

/**
 * Puts back what earlier import batches wrote, newest first: each key's previous value
 * with cas = the index the import wrote, or a delete-cas for keys the import created.
 * A key someone changed since the import wrote it is left alone and reported. Batches of
 * 128; a refused batch is retried key by key so every other key still goes back.
 */
export async function rollbackImport(op: Operator, written: readonly WrittenRow[], before: ReadonlyMap<string, KvEntry>): Promise<RollbackOutcome> {
  const failures: RollbackOutcome["failures"] = [];
  const audits: AuditInput[] = [];
  let rolledBack = 0;
  const who = op.signedIn ? { who: op.who, description: op.description } : { who: op.who };
  const plan: { row: WrittenRow; op: TxnOp }[] = [];
  for (const row of [...written].reverse()) {
    const u = undoOp(row, before);
    if (u) plan.push({ row, op: u });
    else failures.push({ key: row.key, reason: "its previous value was not read before the import, so it cannot be put back" });
  }
  const attempt = async (items: { row: WrittenRow; op: TxnOp }[]) => {
    try {
      return await txn(items.map((i) => i.op), op.token);
    } catch (err) {
      return { ok: false, results: [], errors: [{ opIndex: 0, what: err instanceof Error ? err.message : String(err) }] };
    }
  };
  const saved = (item: { row: WrittenRow }, newIndex: string) => {
    rolledBack++;
    audits.push({ ...who, action: "rollback", key: item.row.key, oldIndex: item.row.newIndex, newIndex, size: 0 });
  };
  for (const batch of chunk(plan, 128)) {
    const out = await attempt(batch);
    if (out.ok) {
      batch.forEach((item, i) => saved(item, item.op.Verb === "delete-cas" ? "0" : (out.results[i]?.ModifyIndex ?? "?")));
      continue;
    }
    for (const item of batch) {
      const one = await attempt([item]);
      if (one.ok) saved(item, item.op.Verb === "delete-cas" ? "0" : (one.results[0]?.ModifyIndex ?? "?"));
      else {
        const what = one.errors[0]?.what ?? "Consul refused it";
        const reason = `changed since the import wrote it (index ${item.row.newIndex}); left as it is now. Consul: ${what}`;
        failures.push({ key: item.row.key, reason });
        audits.push({ ...who, action: "rollback", key: item.row.key, oldIndex: item.row.newIndex, newIndex: "-", size: 0, outcome: "conflict", message: reason });
      }
    }
  }
  await auditMany(audits);
  if (failures.length) log.warn({ event: "import_rollback_incomplete", failures: failures.length }, "An import could not be fully rolled back");
  return { rolledBack, failures };
}

/** One sentence for a refusal's message: what the rollback did. */
export function rollbackNote(undo: RollbackOutcome): string {
  if (undo.failures.length === 0) return ` Earlier batches were rolled back (${undo.rolledBack} keys): KV is as it was.`;
  return ` Earlier batches were rolled back except ${undo.failures.length} keys changed meanwhile: ${undo.failures.map((f) => f.key).join(", ")}.`;
}
