import "server-only";
import type { ErrorKind } from "@/lib/api/errors";
import type { ImportResult, ImportRow, KvEntry } from "@/lib/api/kv";
import { chunk } from "@/lib/kv/import-plan";
import { keyProblem } from "@/lib/kv/key";
import { sizeProblem } from "@/lib/kv/value";
import { checkImportRows, commonFolder, controlCharProblem } from "./import-rows";
import type { Operator } from "../auth/operator";
import { getConfig } from "../config";
import { ConsulError } from "../consul/errors";
import { HttpError } from "../http/http-error";
import { countKvWrite, kvWriteFailure } from "../metrics";
import { audit, auditMany, type AuditInput } from "./audit";
import { forgetOperation, keepVersions, newOperationId, versionOf } from "./history";
import { rollbackImport, rollbackNote, type WrittenRow } from "./rollback";
import { isPathSafe } from "@/lib/kv/key";
import { casDelete, casPut, deleteTree, readEntry, readTree, toEntry, txn, type TxnOp } from "../consul/kv";

/**
 * The one place KV writes happen. Every write is check-and-set against the
 * ModifyIndex the operator saw ("0" creates only if absent), is refused before
 * sending when too large or badly named, and is audited — after Consul applied
 * it, never for a write that did nothing. Callers have already checked that this
 * operator may write at all (same-origin.ts `assertWritable`).
 */

const DENIED = /^(Permission denied|ACL not found)/i;

/** A /v1/txn refusal that is an ACL denial, not a conflict: a 403 in Consul's words. */
function deniedInTxn(errors: readonly { what: string }[], permission: string): void {
  const denied = errors.find((e) => DENIED.test(e.what));
  if (denied) explainDenied(new ConsulError("http", denied.what, 403), permission);
}

function auditWho(op: Operator): { who: string; description?: string | null } {
  return op.signedIn ? { who: op.who, description: op.description } : { who: op.who };
}

/** The whole store: deleting it needs this exact confirmation, not a folder name. */
export const ROOT_CONFIRMATION = "delete everything";

function conflict(message: string, current: KvEntry | null): HttpError {
  countKvWrite("conflict");
  return new HttpError("conflict", message, { current });
}

/** 403s keep Consul's words and say which permission the write needs. */
function explainDenied(err: unknown, permission: string): never {
  countKvWrite(kvWriteFailure(err));
  if (err instanceof ConsulError && err.kind === "http" && err.status === 403) {
    const named = /lacks permission/i.test(err.message) ? "" : ` (this needs ${permission})`;
    throw new HttpError("forbidden", `${err.message}${named}`);
  }
  // Consul answers key-validation failures with a 500; they are the operator's input, in Consul's words.
  if (err instanceof ConsulError && err.kind === "http" && /invalid key|key name/i.test(err.message)) {
    throw new HttpError("consul_rejected", `Consul refused the key: ${err.message}`);
  }
  throw err;
}

function maxValueBytes(): number {
  return getConfig().kvMaxValueBytes;
}

type Attempt = Omit<AuditInput, "outcome" | "newIndex" | "message">;

/** Records a write that did not happen, then throws what the operator is told. */
async function failed(base: Attempt, err: unknown, permission: string): Promise<never> {
  const httpErr = (() => {
    try {
      explainDenied(err, permission);
    } catch (e) {
      return e;
    }
  })();
  const outcome = httpErr instanceof HttpError && httpErr.kind === "forbidden" ? "denied" : "refused";
  await audit({ ...base, newIndex: "-", outcome, message: httpErr instanceof Error ? httpErr.message : String(httpErr) });
  throw httpErr;
}

async function refused(base: Attempt, code: ErrorKind, message: string): Promise<never> {
  await audit({ ...base, newIndex: "-", outcome: "refused", message });
  throw new HttpError(code, message);
}

/**
 * Largest value sent through /v1/txn: Consul caps a transaction's body at txn_max_req_len
 * (512 KiB by default) and the value travels base64 (4/3 larger). Larger values go by PUT.
 */
const TXN_VALUE_MAX = 380_000;

/**
 * One check-and-set write. The value it replaces is kept first (history.ts), on disk.
 * Changes go through /v1/txn so Consul's answer carries the new ModifyIndex; a create of
 * an ordinary key goes through PUT ?cas=0 so Consul validates the name (txn does not),
 * and its new index is the created key's CreateIndex.
 */
export async function writeKey(
  op: Operator,
  input: { key: string; bytes: Buffer; flags: string; cas: string },
  action: "restore" | null = null,
): Promise<KvEntry | null> {
  const creating = input.cas === "0";
  const base: Attempt = { ...auditWho(op), action: action ?? (creating ? "create" : "update"), key: input.key, oldIndex: input.cas, size: input.bytes.length };
  const control = controlCharProblem(input.key);
  if (control) return refused(base, "bad_key", control);
  if (creating) {
    const problem = keyProblem(input.key);
    if (problem) return refused(base, "bad_key", problem);
  }
  const tooBig = sizeProblem(input.bytes.length, maxValueBytes());
  if (tooBig) return refused(base, "too_large", tooBig);
  const permission = `key:write on "${input.key}"`;

  const opId = newOperationId();
  if (!creating) {
    // A token that may not read the key still gets Consul's answer to the write itself.
    const before = await readEntry(input.key, op.token).catch(() => null);
    if (before && before.modifyIndex === input.cas) await keepVersions([versionOf(before, op.who, false)], opId);
  }

  let written: KvEntry | null = null;
  try {
    if (isPathSafe(input.key) && (creating || input.bytes.length > TXN_VALUE_MAX)) {
      // Consul answers PUT with true/false only: the index comes from the entry read next —
      // a create's CreateIndex is ours; for a large update, the ModifyIndex of our exact bytes.
      if (await casPut(input.key, input.bytes, input.flags, input.cas, op.token)) {
        const after = await readEntry(input.key, op.token);
        written = after ?? null;
        if (after && !creating && after.value !== input.bytes.toString("base64")) written = { ...after, modifyIndex: "?" };
      }
    } else {
      const out = await txn([{ Verb: "cas", Key: input.key, Value: input.bytes.toString("base64"), Flags: input.flags, Index: input.cas }], op.token);
      if (!out.ok) deniedInTxn(out.errors, permission);
      const r = out.results[0];
      if (out.ok && r) written = { ...toEntry(r), value: input.bytes.toString("base64") };
    }
  } catch (err) {
    await forgetOperation(opId);
    return failed(base, err, permission);
  }
  if (!written) {
    await forgetOperation(opId);
    const after = await readEntry(input.key, op.token);
    const message = creating
      ? `Nothing was written: “${input.key}” already exists.`
      : after
        ? `Nothing was written: “${input.key}” changed since you opened it (your copy is at index ${input.cas}, Consul's at ${after.modifyIndex}).`
        : `Nothing was written: “${input.key}” was deleted since you opened it.`;
    await audit({ ...base, newIndex: "-", outcome: "conflict", message });
    throw conflict(message, after);
  }
  await audit({ ...base, newIndex: creating ? written.createIndex : written.modifyIndex });
  return written.modifyIndex === "?" ? await readEntry(input.key, op.token) : written;
}

export async function deleteKey(op: Operator, key: string, cas: string): Promise<void> {
  const base: Attempt = { ...auditWho(op), action: "delete", key, oldIndex: cas, size: 0 };
  // Consul answers `true` to deleting a key that is not there: say so instead.
  const before = await readEntry(key, op.token);
  if (!before) return refused(base, "not_found", `There is no key “${key}”; nothing was deleted.`);
  const opId = newOperationId();
  if (before.modifyIndex === cas) await keepVersions([versionOf(before, op.who, true)], opId);
  let ok: boolean;
  try {
    ok = await casDelete(key, cas, op.token);
  } catch (err) {
    await forgetOperation(opId);
    return failed(base, err, `key:write on "${key}"`);
  }
  if (!ok) {
    await forgetOperation(opId);
    const now = await readEntry(key, op.token);
    const message = now
      ? `Nothing was deleted: “${key}” changed since you opened it (your copy is at index ${cas}, Consul's at ${now.modifyIndex}).`
      : `“${key}” was already deleted by someone else.`;
    await audit({ ...base, newIndex: "-", outcome: "conflict", message });
    throw conflict(message, now);
  }
  await audit({ ...base, size: Buffer.from(before.value, "base64").length, newIndex: "0" });
}

/**
 * Deletes a folder and everything below it, only when the operator typed its exact
 * name. The whole store (prefix "") needs the confirmation “delete everything”.
 */
export async function deleteFolder(op: Operator, prefix: string, confirm: string): Promise<number> {
  const control = controlCharProblem(prefix);
  if (control) throw new HttpError("bad_key", control);
  if (prefix === "") {
    if (confirm !== ROOT_CONFIRMATION) {
      throw new HttpError("not_confirmed", `Deleting the whole KV store needs the confirmation “${ROOT_CONFIRMATION}”; nothing was deleted.`);
    }
  } else {
    if (prefix.startsWith("/")) throw new HttpError("bad_key", `“${prefix}” is not a folder (keys never start with “/”); nothing was deleted.`);
    if (!prefix.endsWith("/")) throw new HttpError("bad_key", `“${prefix}” is not a folder (a folder ends in “/”); nothing was deleted.`);
    const name = prefix.slice(0, -1);
    if (confirm !== name && confirm !== prefix) {
      throw new HttpError("not_confirmed", `Type the folder's name “${name}” exactly to confirm; nothing was deleted.`);
    }
  }
  // The values first: every deleted key can be restored from "Recently deleted".
  const entries = await readTree(prefix, op.token);
  if (entries.length === 0) throw new HttpError("not_found", `There is nothing below “${prefix}” that your token can see; nothing was deleted.`);
  const base: Attempt = { ...auditWho(op), action: "delete-tree", key: prefix, oldIndex: "-", size: entries.length };
  const opId = newOperationId();
  await keepVersions(entries.map((e) => versionOf(e, op.who, true)), opId);
  try {
    await deleteTree(prefix, op.token);
  } catch (err) {
    await forgetOperation(opId);
    return failed(base, err, `key:write on every key below "${prefix}"`);
  }
  await audit({ ...base, newIndex: "0" });
  return entries.length;
}

/**
 * Writes import rows in /v1/txn batches of at most 128 `cas` operations against the
 * indexes seen at preview, so a key changed since is never overwritten. Every row is
 * checked first as if typed in the editor (import-rows.ts); whether it creates a key
 * is decided from what Consul holds now. The import is all or nothing: when a batch is
 * refused, the batches before it are rolled back (rollback.ts). An ACL denial is a 403.
 */
export async function applyImport(op: Operator, rows: readonly ImportRow[]): Promise<ImportResult> {
  const wanted = rows.filter((r) => r.action !== "unchanged").map((r) => r.key);
  const before = new Map((wanted.length ? await readTree(commonFolder(wanted), op.token) : []).map((e) => [e.key, e]));
  const todo = checkImportRows(rows, new Set(before.keys()), maxValueBytes());
  const who = auditWho(op);
  const written: WrittenRow[] = [];
  const permission = "key:write on every imported key";
  for (const batch of chunk(todo, 128)) {
    const opId = newOperationId();
    const replaced = batch.flatMap((r) => {
      const prev = before.get(r.key);
      return prev && r.expectIndex !== "0" && prev.modifyIndex === r.expectIndex ? [versionOf(prev, op.who, false)] : [];
    });
    await keepVersions(replaced, opId);
    const ops: TxnOp[] = batch.map((r) => ({ Verb: "cas", Key: r.key, Value: r.bytes.toString("base64"), Flags: r.flags, Index: r.expectIndex }));
    let out;
    try {
      out = await txn(ops, op.token);
      if (!out.ok) deniedInTxn(out.errors, permission);
    } catch (err) {
      await forgetOperation(opId);
      const undo = await rollbackImport(op, written, before);
      const note = written.length ? rollbackNote(undo) : "";
      try {
        explainDenied(err, permission);
      } catch (e) {
        if (e instanceof HttpError) throw new HttpError(e.kind, `${e.message}${note}`, { rollbackFailures: undo.failures });
        throw e;
      }
    }
    if (!out.ok) {
      await forgetOperation(opId);
      countKvWrite("conflict");
      const conflicts = out.errors.map((e) => ({ key: batch[e.opIndex]?.key ?? `operation ${e.opIndex}`, reason: e.what }));
      await auditMany(conflicts.map((c) => ({ ...who, action: "import", key: c.key, oldIndex: "-", newIndex: "-", size: 0, outcome: "conflict", message: c.reason })));
      const undo = await rollbackImport(op, written, before);
      const failedKeys = new Set(undo.failures.map((f) => f.key));
      return {
        written: failedKeys.size,
        conflicts,
        writtenKeys: written.map((w) => w.key).filter((k) => failedKeys.has(k)),
        rolledBack: undo.rolledBack,
        rollbackFailures: undo.failures,
      };
    }
    const results = out.results;
    const done = batch.map((r, i) => ({ key: r.key, expectIndex: r.expectIndex, newIndex: results[i]?.ModifyIndex ?? "?", size: r.bytes.length }));
    written.push(...done);
    await auditMany(done.map((w) => ({ ...who, action: "import", key: w.key, oldIndex: w.expectIndex, newIndex: w.newIndex, size: w.size })));
  }
  return { written: written.length, conflicts: [], writtenKeys: written.map((w) => w.key), rolledBack: 0, rollbackFailures: [] };
}
