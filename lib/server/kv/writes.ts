import "server-only";
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
import { audit } from "./audit";
import { casDelete, casPut, deleteTree, listKeys, readEntry, txn, type TxnOp } from "../consul/kv";

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

export async function writeKey(
  op: Operator,
  input: { key: string; bytes: Buffer; flags: string; cas: string },
): Promise<KvEntry | null> {
  const control = controlCharProblem(input.key);
  if (control) throw new HttpError("bad_key", control);
  const creating = input.cas === "0";
  if (creating) {
    const problem = keyProblem(input.key);
    if (problem) throw new HttpError("bad_key", problem);
  }
  const tooBig = sizeProblem(input.bytes.length, maxValueBytes());
  if (tooBig) throw new HttpError("too_large", tooBig);

  let ok: boolean;
  try {
    ok = await casPut(input.key, input.bytes, input.flags, input.cas, op.token);
  } catch (err) {
    explainDenied(err, `key:write on "${input.key}"`);
  }
  const after = await readEntry(input.key, op.token);
  if (!ok) {
    throw conflict(
      creating
        ? `Nothing was written: “${input.key}” already exists.`
        : after
          ? `Nothing was written: “${input.key}” changed since you opened it (your copy is at index ${input.cas}, Consul's at ${after.modifyIndex}).`
          : `Nothing was written: “${input.key}” was deleted since you opened it.`,
      after,
    );
  }
  audit({
    ...auditWho(op),
    action: creating ? "create" : "update",
    key: input.key,
    oldIndex: input.cas,
    newIndex: after?.modifyIndex ?? "?",
    size: input.bytes.length,
  });
  return after;
}

export async function deleteKey(op: Operator, key: string, cas: string): Promise<void> {
  // Consul answers `true` to deleting a key that is not there: say so instead, and audit nothing.
  const before = await readEntry(key, op.token);
  if (!before) throw new HttpError("not_found", `There is no key “${key}”; nothing was deleted.`);
  let ok: boolean;
  try {
    ok = await casDelete(key, cas, op.token);
  } catch (err) {
    explainDenied(err, `key:write on "${key}"`);
  }
  if (!ok) {
    const now = await readEntry(key, op.token);
    throw conflict(
      now
        ? `Nothing was deleted: “${key}” changed since you opened it (your copy is at index ${cas}, Consul's at ${now.modifyIndex}).`
        : `“${key}” was already deleted by someone else.`,
      now,
    );
  }
  audit({ ...auditWho(op), action: "delete", key, oldIndex: cas, newIndex: "0", size: 0 });
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
  const keys = await listKeys(prefix, op.token);
  if (keys.length === 0) throw new HttpError("not_found", `There is nothing below “${prefix}” that your token can see; nothing was deleted.`);
  try {
    await deleteTree(prefix, op.token);
  } catch (err) {
    explainDenied(err, `key:write on every key below "${prefix}"`);
  }
  audit({ ...auditWho(op), action: "delete-tree", key: prefix, oldIndex: "-", newIndex: "0", size: keys.length });
  return keys.length;
}

/**
 * Writes import rows in /v1/txn batches of at most 128 `cas` operations against the
 * indexes seen at preview, so a key changed since is never overwritten. Every row is
 * checked first as if typed in the editor (import-rows.ts); whether it creates a key
 * is decided from what Consul holds now. Each batch is atomic; the first refused
 * batch stops the import. An ACL denial is a 403, not a conflict.
 */
export async function applyImport(op: Operator, rows: readonly ImportRow[]): Promise<ImportResult> {
  const wanted = rows.filter((r) => r.action !== "unchanged").map((r) => r.key);
  const existing = new Set(wanted.length ? await listKeys(commonFolder(wanted), op.token) : []);
  const todo = checkImportRows(rows, existing, maxValueBytes());
  const writtenKeys: string[] = [];
  for (const batch of chunk(todo, 128)) {
    const ops: TxnOp[] = batch.map((r) => ({ Verb: "cas", Key: r.key, Value: r.bytes.toString("base64"), Flags: r.flags, Index: r.expectIndex }));
    let out;
    try {
      out = await txn(ops, op.token);
    } catch (err) {
      explainDenied(err, "key:write on every imported key");
    }
    if (!out.ok) {
      deniedInTxn(out.errors, "key:write on every imported key");
      countKvWrite("conflict");
      const conflicts = out.errors.map((e) => ({ key: batch[e.opIndex]?.key ?? `operation ${e.opIndex}`, reason: e.what }));
      return { written: writtenKeys.length, conflicts, writtenKeys };
    }
    for (const [i, r] of batch.entries()) {
      writtenKeys.push(r.key);
      audit({ ...auditWho(op), action: "import", key: r.key, oldIndex: r.expectIndex, newIndex: out.results[i]?.ModifyIndex ?? "?", size: r.bytes.length });
    }
  }
  return { written: writtenKeys.length, conflicts: [], writtenKeys };
}
