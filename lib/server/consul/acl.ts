import "server-only";
import { getConsulClient } from "./index";
import { consulPath } from "./paths";
import { ConsulError } from "./errors";
import { ConsulAuthorizeAnswer, ConsulTokenSelf } from "./schemas";

export interface TokenIdentity {
  accessor: string;
  description: string | null;
}

/** Who a token is (/v1/acl/token/self, asked with that token). Consul's 401/403 come back as ConsulErrors. */
export async function readTokenSelf(secret: string): Promise<TokenIdentity> {
  const { data } = await getConsulClient().getJson(consulPath("acl", "token", "self"), ConsulTokenSelf, { token: secret, lossless: true });
  return { accessor: data.AccessorID, description: data.Description || null };
}

/**
 * May `token` (the server's when undefined) write this key? Asks Consul's UI endpoint
 * POST /v1/internal/acl/authorize. It is undocumented, so anything but a clear answer
 * is `null` ("don't know": show the controls and let Consul's 403 speak) — except
 * "ACL not found", which means the token itself is gone and is rethrown.
 */
export async function mayWriteKey(key: string, token: string | undefined): Promise<boolean | null> {
  const body = JSON.stringify([{ Resource: "key", Access: "write", Segment: key }]);
  try {
    const { data } = await getConsulClient().postJson(consulPath("internal", "acl", "authorize"), body, ConsulAuthorizeAnswer, { token });
    return data[0]?.Allow ?? null;
  } catch (err) {
    if (isTokenGone(err)) throw err;
    return null;
  }
}

/** Consul's answer when a token was deleted (or never existed): 403 "ACL not found". */
export function isTokenGone(err: unknown): boolean {
  return err instanceof ConsulError && err.kind === "http" && err.status === 403 && /ACL not found/i.test(err.message);
}

/**
 * May `token` read each of these keys? One authorize call for all of them; `null` when
 * Consul cannot say (ACLs off: 401, an older agent), so the caller falls back to a read.
 */
export async function mayReadKeys(keys: readonly string[], token: string | undefined): Promise<(boolean | null)[] | null> {
  if (keys.length === 0) return [];
  const body = JSON.stringify(keys.map((k) => ({ Resource: "key", Access: "read", Segment: k })));
  try {
    const { data } = await getConsulClient().postJson(consulPath("internal", "acl", "authorize"), body, ConsulAuthorizeAnswer, { token });
    return keys.map((_, i) => data[i]?.Allow ?? null);
  } catch (err) {
    if (isTokenGone(err)) throw err;
    // "ACL support disabled": every token may read every key.
    if (err instanceof ConsulError && err.kind === "http" && err.status === 401) return keys.map(() => true);
    return null;
  }
}
