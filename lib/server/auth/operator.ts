import "server-only";
import { createHash } from "node:crypto";
import { cookies } from "next/headers";
import { readTokenSelf, type TokenIdentity } from "../consul/acl";
import { ConsulError } from "../consul/errors";
import { HttpError } from "../http/http-error";
import { countOperatorSession } from "../metrics";

/** httpOnly, SameSite=Strict: page scripts never see the operator's token. */
export const TOKEN_COOKIE = "consul_dashboard_token";

export interface Operator {
  /** The operator's own token, or undefined to use the server's. */
  token: string | undefined;
  /** Who writes, for the audit log: the token's AccessorID, or "server token". */
  who: string;
  description: string | null;
}

const known = new Map<string, { accessor: string; description: string | null }>();
const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Asks Consul who a token is; throws an HttpError in the operator's terms when it cannot be used. */
export async function checkToken(secret: string): Promise<TokenIdentity> {
  try {
    const who = await readTokenSelf(secret);
    if (!known.has(hash(secret))) countOperatorSession();
    known.set(hash(secret), who);
    return who;
  } catch (err) {
    if (err instanceof ConsulError && err.kind === "http" && err.status === 401) {
      throw new HttpError("acl_disabled", `Consul says: ${err.message}. With ACLs off there is nothing to sign in to; the server's token is used.`);
    }
    if (err instanceof ConsulError && err.kind === "http" && err.status === 403) {
      throw new HttpError("bad_token", `Consul does not accept this token: ${err.message}`);
    }
    throw err;
  }
}

/** The signed-in operator of this request (from the cookie), or the server's token. */
export async function currentOperator(): Promise<Operator> {
  const secret = (await cookies()).get(TOKEN_COOKIE)?.value;
  if (!secret) return { token: undefined, who: "server token", description: null };
  const cached = known.get(hash(secret));
  if (cached) return { token: secret, who: cached.accessor, description: cached.description };
  try {
    const who = await checkToken(secret);
    return { token: secret, who: who.accessor, description: who.description };
  } catch {
    // A token revoked since sign-in: still send it, so Consul refuses in its own words.
    return { token: secret, who: "unknown token", description: null };
  }
}

export function tokenCookie(value: string, secure: boolean): string {
  const parts = [`${TOKEN_COOKIE}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Strict"];
  if (secure) parts.push("Secure");
  if (value === "") parts.push("Max-Age=0");
  return parts.join("; ");
}
