import "server-only";
import type { KvEntry } from "@/lib/api/kv";
import { groupLevel, isPathSafe, parentFolder, type FolderListing } from "@/lib/kv/key";
import { nextBlockingIndex } from "@/lib/consul/blocking-index";
import { ConsulError } from "./errors";
import { getConsulClient } from "./index";
import { consulKvPath, consulPath } from "./paths";
import { ConsulKeyList, type ConsulKvPair, ConsulKvPairs, ConsulSessionInfo, ConsulTxnAnswer } from "./schemas";

/**
 * Consul's KV store, with an explicit token. Keys that Consul's HTTP router would
 * rewrite (`//`, `.`, `..` segments) go through /v1/txn, which takes the key
 * in the body, so every key is read and written exactly as it is. Every answer
 * is read losslessly (Flags and indexes are uint64).
 */

export function toEntry(p: ConsulKvPair): KvEntry {
  return {
    key: p.Key,
    value: p.Value ?? "",
    flags: p.Flags,
    createIndex: p.CreateIndex,
    modifyIndex: p.ModifyIndex,
    lockIndex: p.LockIndex,
    session: p.Session || null,
  };
}

const kvPath = consulKvPath;

/** The nearest ancestor folder whose path survives Consul's router. */
function safeAncestor(prefix: string): string {
  let p = prefix;
  while (p !== "" && !isPathSafe(p)) p = parentFolder(p);
  return p;
}

function isNotFound(err: unknown): boolean {
  return err instanceof ConsulError && err.kind === "http" && err.status === 404;
}

export type TxnOp = { Verb: string; Key: string; Value?: string; Flags?: string; Index?: string };

export interface TxnOutcome {
  ok: boolean;
  results: ConsulKvPair[];
  errors: { opIndex: number; what: string }[];
}

/** Consul wants uint64 numbers in the body: written as digits, never through a JS number. */
function txnBody(ops: readonly TxnOp[]): string {
  const parts = ops.map((op) => {
    const fields = [`"Verb":${JSON.stringify(op.Verb)}`, `"Key":${JSON.stringify(op.Key)}`];
    if (op.Value !== undefined) fields.push(`"Value":${JSON.stringify(op.Value)}`);
    if (op.Flags !== undefined) fields.push(`"Flags":${/^\d+$/.test(op.Flags) ? op.Flags : "0"}`);
    if (op.Index !== undefined) fields.push(`"Index":${/^\d+$/.test(op.Index) ? op.Index : "0"}`);
    return `{"KV":{${fields.join(",")}}}`;
  });
  return `[${parts.join(",")}]`;
}

/** One atomic transaction of at most 128 KV operations. A 409 (an op failed) is an outcome, not an exception. */
export async function txn(ops: readonly TxnOp[], token: string | undefined): Promise<TxnOutcome> {
  const { applied, data } = await getConsulClient().txn(txnBody(ops), ConsulTxnAnswer, { token });
  if (applied) return { ok: true, results: (data.Results ?? []).flatMap((r) => (r.KV ? [r.KV] : [])), errors: [] };
  return { ok: false, results: [], errors: (data.Errors ?? []).map((e) => ({ opIndex: Number(e.OpIndex), what: e.What })) };
}

export async function readEntry(key: string, token: string | undefined): Promise<KvEntry | null> {
  if (!isPathSafe(key)) {
    const out = await txn([{ Verb: "get", Key: key }], token);
    const first = out.results[0];
    return out.ok && first ? toEntry(first) : null;
  }
  try {
    const { data } = await getConsulClient().getJson(kvPath(key), ConsulKvPairs, { token, lossless: true });
    const first = data[0];
    return first ? toEntry(first) : null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Every key below a prefix (no values): for search, counts and listings. */
export async function listKeys(prefix: string, token: string | undefined): Promise<string[]> {
  const base = safeAncestor(prefix);
  try {
    const { data: keys } = await getConsulClient().getJson(kvPath(base), ConsulKeyList, {
      query: { keys: true },
      token,
      timeoutMs: 30_000,
      lossless: true,
    });
    return base === prefix ? keys : keys.filter((k) => k.startsWith(prefix));
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}

/** One folder level: sub-folders (ending in "/") and keys. */
export async function listFolder(prefix: string, token: string | undefined): Promise<FolderListing> {
  if (!isPathSafe(prefix)) return groupLevel(prefix, await listKeys(prefix, token));
  try {
    const { data } = await getConsulClient().getJson(kvPath(prefix), ConsulKeyList, { query: { keys: true, separator: "/" }, token, lossless: true });
    return groupLevel(prefix, data);
  } catch (err) {
    if (isNotFound(err)) return { folders: [], keys: [] };
    throw err;
  }
}

/** Every entry (with values) below a prefix. */
export async function readTree(prefix: string, token: string | undefined): Promise<KvEntry[]> {
  const base = safeAncestor(prefix);
  try {
    const { data } = await getConsulClient().getJson(kvPath(base), ConsulKvPairs, { query: { recurse: true }, token, timeoutMs: 30_000, lossless: true });
    const pairs = data.map(toEntry);
    return base === prefix ? pairs : pairs.filter((p) => p.key.startsWith(prefix));
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}

/** Check-and-set write: true when written, false when the key was not at `cas`. */
export async function casPut(key: string, bytes: Buffer, flags: string, cas: string, token: string | undefined): Promise<boolean> {
  if (!isPathSafe(key)) {
    const out = await txn([{ Verb: "cas", Key: key, Value: bytes.toString("base64"), Flags: flags, Index: cas }], token);
    return out.ok;
  }
  return (await getConsulClient().writeText("PUT", kvPath(key), { query: { cas, flags }, body: bytes, token })) === "true";
}

/** Check-and-set delete: true when deleted, false when the key was not at `cas`. */
export async function casDelete(key: string, cas: string, token: string | undefined): Promise<boolean> {
  if (!isPathSafe(key)) {
    return (await txn([{ Verb: "delete-cas", Key: key, Index: cas }], token)).ok;
  }
  return (await getConsulClient().writeText("DELETE", kvPath(key), { query: { cas }, token })) === "true";
}

/** Deletes everything below a prefix in one atomic operation. */
export async function deleteTree(prefix: string, token: string | undefined): Promise<void> {
  const out = await txn([{ Verb: "delete-tree", Key: prefix }], token);
  if (!out.ok) {
    const what = out.errors[0]?.what ?? "Consul refused the delete";
    // An ACL denial inside a transaction comes back as a 409; it is a 403 in meaning.
    throw new ConsulError("http", what, /^(Permission denied|ACL not found)/i.test(what) ? 403 : 409, consulPath("txn"));
  }
}

export interface LockSession {
  id: string;
  name: string;
  node: string;
}

export async function sessionInfo(id: string, token: string | undefined): Promise<LockSession | null> {
  try {
    const { data } = await getConsulClient().getJson(consulPath("session", "info", id), ConsulSessionInfo, { token, lossless: true });
    const first = data[0];
    return first ? { id: first.ID, name: first.Name, node: first.Node } : { id, name: "", node: "" };
  } catch {
    // The session may have just ended, or the token may not read sessions: the id alone still warns.
    return { id, name: "", node: "" };
  }
}

/**
 * Entries (with values) of exactly these keys, in transactions of 64 gets: one folder
 * level without reading the subtree below it. A key deleted meanwhile fails its
 * transaction; that batch is read again key by key so the others still show.
 */
export async function readEntries(keys: readonly string[], token: string | undefined): Promise<KvEntry[]> {
  const out: KvEntry[] = [];
  for (let i = 0; i < keys.length; i += 64) {
    const batch = keys.slice(i, i + 64);
    const res = await txn(batch.map((k) => ({ Verb: "get", Key: k })), token);
    if (res.ok) out.push(...res.results.map(toEntry));
    else
      for (const k of batch) {
        const e = await readEntry(k, token);
        if (e) out.push(e);
      }
  }
  return out;
}

/**
 * One round of a blocking recurse read of a whole subtree (/v1/kv/<prefix>?recurse with
 * index/wait), with the server's token. A prefix with no keys answers 404 with an index:
 * that is an empty subtree, and the next round blocks on it.
 */
export async function watchTree(
  prefix: string,
  r: { index: string; waitMs: number; signal: AbortSignal },
): Promise<{ entries: KvEntry[]; nextIndex: string }> {
  const base = safeAncestor(prefix);
  try {
    const answer = await getConsulClient().blockingJson(kvPath(base), ConsulKvPairs, {
      query: { recurse: true },
      index: r.index,
      waitMs: r.waitMs,
      signal: r.signal,
      lossless: true,
    });
    const entries = answer.data.map(toEntry).filter((e) => e.key.startsWith(prefix));
    return { entries, nextIndex: answer.nextIndex };
  } catch (err) {
    if (isNotFound(err) && err instanceof ConsulError) return { entries: [], nextIndex: nextBlockingIndex(r.index, err.index) };
    throw err;
  }
}
