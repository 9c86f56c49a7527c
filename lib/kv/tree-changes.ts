import type { KvEntry } from "@/lib/api/kv";

/**
 * What changed in a subtree between two reads, by ModifyIndex: the old entries of keys
 * whose value was replaced, and of keys that are gone. Keys that appeared replace
 * nothing, so they are not history.
 */
export function treeChanges(previous: ReadonlyMap<string, KvEntry>, next: readonly KvEntry[]): { replaced: KvEntry[]; deleted: KvEntry[] } {
  const now = new Map(next.map((e) => [e.key, e]));
  const replaced: KvEntry[] = [];
  const deleted: KvEntry[] = [];
  for (const [key, old] of previous) {
    const cur = now.get(key);
    if (!cur) deleted.push(old);
    else if (cur.modifyIndex !== old.modifyIndex) replaced.push(old);
  }
  return { replaced, deleted };
}
