import "server-only";
import type { KvAccess } from "@/lib/api/kv";
import type { Operator } from "../auth/operator";
import { getConfig } from "../config";
import { isTokenGone, mayWriteKey } from "../consul/acl";

/**
 * Whether the KV screen should offer Edit/Delete/Create for `key`: refused outright
 * by configuration or a missing sign-in, else whatever Consul's ACLs say for the
 * token that would write. When Consul cannot say (no ACLs, an older agent), the
 * controls stay and Consul's own 403 speaks if the write is refused.
 */
export async function writeAccess(op: Operator, key: string): Promise<KvAccess> {
  const { access } = getConfig();
  if (access.writes === "off") return { canWrite: false, reason: "read_only", message: `Read-only mode: editing is disabled (${access.writesOffBy}).` };
  if (access.writes === "signed-in" && !op.signedIn) return { canWrite: false, reason: "sign_in", message: "Sign in to edit." };
  // The server's token being unknown to Consul is not this visitor's session ending: let the write's answer say it.
  const allowed = await mayWriteKey(key, op.token).catch((err: unknown) => {
    if (isTokenGone(err) && !op.signedIn) return null;
    throw err;
  });
  if (allowed === false) {
    return { canWrite: false, reason: "acl", message: `Your token may not write “${key || "/"}” (Consul ACLs: key:write is not granted).` };
  }
  return { canWrite: true, reason: null, message: null };
}
