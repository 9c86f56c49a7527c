import "server-only";
import type { KvEntry } from "@/lib/api/kv";
import type { KvVersion } from "@/lib/api/kv-history";
import type { Operator } from "../auth/operator";
import { listKeys } from "../consul/kv";
import { recentlyDeleted, versionFor } from "./history";
import { writeKey } from "./writes";

/**
 * Restore = an ordinary check-and-set write of a kept version's bytes and flags, through
 * writeKey: the same access rules, conflicts and audit as any save. `cas` is the key's
 * ModifyIndex as the page saw it ("0" for a deleted key: create only if still absent).
 */
export async function restoreVersion(op: Operator, key: string, id: string, cas: string): Promise<KvEntry | null> {
  const v = await versionFor(op, key, id);
  return writeKey(op, { key, bytes: Buffer.from(v.value, "base64"), flags: v.flags, cas }, "restore");
}

/** "Recently deleted" below a folder: the last kept value of each key deleted through the dashboard that is still gone. */
export async function deletedBelow(op: Operator, prefix: string): Promise<KvVersion[]> {
  const existing = new Set(await listKeys(prefix, op.token));
  return recentlyDeleted(op, prefix, existing);
}
