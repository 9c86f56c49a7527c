import "server-only";
import { KV_DETAILS_MAX_KEYS, type KvKeySummary } from "@/lib/api/kv";
import { summarizeEntry } from "@/lib/kv/entry-summary";
import { readEntries } from "../consul/kv";

/** Size, kind, flags and last change of a folder's direct keys; undefined for folders too large to read. */
export async function folderDetails(keys: readonly string[], token: string | undefined): Promise<KvKeySummary[] | undefined> {
  if (keys.length === 0 || keys.length > KV_DETAILS_MAX_KEYS) return keys.length === 0 ? [] : undefined;
  return (await readEntries(keys, token)).map(summarizeEntry);
}
