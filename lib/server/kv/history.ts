import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { KvEntry } from "@/lib/api/kv";
import type { KvVersion, KvVersionList } from "@/lib/api/kv-history";
import type { Operator } from "../auth/operator";
import { mayReadKeys } from "../consul/acl";
import { readEntry } from "../consul/kv";
import { ConsulError } from "../consul/errors";
import { HttpError } from "../http/http-error";
import { log } from "../log";
import { getHistoryStore } from "../store";
import type { NewVersion } from "../store/repository";

/**
 * KV versions: the value each write or delete through the dashboard replaces is kept
 * (on disk, committed) before the write is sent; if the write then does not happen, the
 * operation's record is dropped again. Readers see a version only when Consul says their
 * token may read that key now.
 */

export function newOperationId(): string {
  return randomUUID();
}

export function versionOf(e: KvEntry, who: string, deleted: boolean): NewVersion {
  return { key: e.key, value: Buffer.from(e.value, "base64"), flags: e.flags, modifyIndex: e.modifyIndex, deleted, who };
}

export async function keepVersions(rows: readonly NewVersion[], opId: string): Promise<void> {
  await getHistoryStore().addVersions(rows, opId);
}

/** The write did not happen: its kept "before" values are not history. Best effort (a left-over row equals a real past value). */
export async function forgetOperation(opId: string): Promise<void> {
  await getHistoryStore()
    .dropOperation(opId)
    .catch((err: unknown) => log.warn({ err, opId }, "Could not drop the versions of a write that did not happen"));
}

/**
 * May this visitor read these keys now? Consul decides with the visitor's token: its
 * authorize endpoint when it answers, else a read of the key (403: no).
 */
async function readableKeys(op: Operator, keys: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(keys)];
  const answers = await mayReadKeys(unique, op.token);
  const out = new Set<string>();
  for (const [i, key] of unique.entries()) {
    const allowed = answers?.[i];
    if (allowed === true) out.add(key);
    else if (allowed === undefined || allowed === null) {
      // Consul could not say (ACLs off, an older agent): a read with the same token decides.
      const ok = await readEntry(key, op.token).then(
        () => true,
        (err: unknown) => !(err instanceof ConsulError && err.kind === "http" && err.status === 403),
      );
      if (ok) out.add(key);
    }
  }
  return out;
}

function refuseUnreadable(key: string): never {
  throw new HttpError("forbidden", `Your token may not read “${key}” (Consul ACLs: key:read is not granted), so its history is not shown.`);
}

export async function versionsFor(op: Operator, key: string): Promise<KvVersionList> {
  if (!(await readableKeys(op, [key])).has(key)) refuseUnreadable(key);
  const now = await readEntry(key, op.token);
  const bytes = now ? Buffer.from(now.value, "base64") : null;
  return {
    versions: await getHistoryStore().versions(key),
    current: now && bytes ? { modifyIndex: now.modifyIndex, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") } : null,
  };
}

export async function versionFor(op: Operator, key: string, id: string): Promise<KvVersion> {
  const v = await getHistoryStore().version(id);
  if (!v || v.key !== key) throw new HttpError("not_found", `There is no kept version ${id} of “${key}”.`);
  if (!(await readableKeys(op, [key])).has(key)) refuseUnreadable(key);
  return v;
}

/** Keys deleted below `prefix` (their last value) that do not exist now and this visitor may read. */
export async function recentlyDeleted(op: Operator, prefix: string, existing: ReadonlySet<string>): Promise<KvVersion[]> {
  const gone = (await getHistoryStore().deletedBelow(prefix)).filter((v) => !existing.has(v.key));
  if (gone.length === 0) return [];
  const readable = await readableKeys(op, gone.map((v) => v.key));
  return gone.filter((v) => readable.has(v.key));
}
