import "server-only";
import path from "node:path";
import { cookies } from "next/headers";
import { getConfig } from "../config";
import { readTokenSelf, type TokenIdentity } from "../consul/acl";
import { ConsulError } from "../consul/errors";
import { countOperatorSession } from "../metrics";
import { DomainError } from "../errors";
import { RevocationList } from "./revocations";
import { sealSession, unsealSession, type Session } from "./seal";
import { sessionKey } from "./session-key";

/**
 * Who is asking. A signed-in operator carries a sealed session cookie (see seal.ts):
 * HttpOnly, SameSite=Strict, never the Consul secret in any readable form. Without one
 * the visitor is anonymous, and reads (where allowed) use the server's token.
 */
export const SESSION_COOKIE = "consul_dashboard_session";

/** Why a session cookie that came with the request no longer counts. */
export type SessionEnd = "expired" | "ended" | "invalid";

export const SESSION_END_MESSAGES: Record<SessionEnd | "token_gone", string> = {
  expired: "Your session expired; sign in again.",
  ended: "Your session has ended (signed out, or Consul no longer accepts your token); sign in again.",
  invalid: "Your session is not valid on this server (its session key changed); sign in again.",
  token_gone: "Your session ended: Consul no longer accepts your token (ACL not found). Sign in again.",
};

export interface Operator {
  /** The operator's own token, or undefined to use the server's. */
  token: string | undefined;
  signedIn: boolean;
  /** Who writes, for the audit log: the token's AccessorID, or "server token". */
  who: string;
  description: string | null;
  session: Session | null;
  /** A session cookie came but no longer counts. */
  ended: SessionEnd | null;
}

const ANONYMOUS: Operator = { token: undefined, signedIn: false, who: "server token", description: null, session: null, ended: null };

let key: Uint8Array | undefined;
let revocations: RevocationList | undefined;

function theKey(): Uint8Array {
  const c = getConfig();
  key ??= sessionKey(c.access.sessionSecret, c.dataDir);
  return key;
}

function theRevocations(): RevocationList {
  revocations ??= new RevocationList(path.join(getConfig().dataDir, "revoked-sessions.json"));
  return revocations;
}

/** Loads (or creates) the session key at start-up, so a bad data directory fails early. */
export function prepareSessions(): void {
  theKey();
}

/** Asks Consul who a token is; throws an HttpError in the operator's terms when it cannot be used. */
export async function checkToken(secret: string): Promise<TokenIdentity> {
  try {
    return await readTokenSelf(secret);
  } catch (err) {
    if (err instanceof ConsulError && err.kind === "http" && err.status === 401) {
      throw new DomainError(
        "acl_disabled",
        `Consul says: ${err.message}. With ACLs off there is nothing to sign in to; to let visitors edit with the server's token, set DASHBOARD_WRITES=anyone.`,
      );
    }
    if (err instanceof ConsulError && err.kind === "http" && err.status === 403) {
      throw new DomainError("bad_token", `Consul does not accept this token: ${err.message}`);
    }
    throw err;
  }
}

/** The operator a session cookie value stands for. */
export async function operatorFromCookie(value: string | undefined): Promise<Operator> {
  if (!value) return ANONYMOUS;
  const out = await unsealSession(value, theKey());
  if (!out.ok) return { ...ANONYMOUS, ended: out.reason };
  const s = out.session;
  if (theRevocations().isRevoked(s.id)) return { ...ANONYMOUS, ended: "ended" };
  return { token: s.token, signedIn: true, who: s.accessor, description: s.description, session: s, ended: null };
}

/** The operator of the request being served (route handler or server component). */
export async function currentOperator(): Promise<Operator> {
  return operatorFromCookie((await cookies()).get(SESSION_COOKIE)?.value);
}

const EXPIRED_NOTICE_SECONDS = 24 * 3600;

/** A new session for a token Consul just vouched for; returns the Set-Cookie header. */
export async function startSession(req: Request, secret: string, who: TokenIdentity, wall: boolean): Promise<string> {
  const { access } = getConfig();
  const ttl = wall ? access.wallSessionSeconds : access.sessionSeconds;
  const { cookie } = await sealSession({ token: secret, accessor: who.accessor, description: who.description, wall }, theKey(), ttl);
  countOperatorSession();
  // The cookie outlives the session by a day, so an operator who comes back late is told
  // "your session expired" instead of silently becoming an anonymous visitor.
  return sessionCookie(req, cookie, ttl + EXPIRED_NOTICE_SECONDS);
}

/** Ends a session for good (sign-out, or Consul forgot the token) and returns the clearing Set-Cookie header. */
export function endSession(req: Request, session: Session | null): string {
  revokeSession(session);
  return sessionCookie(req, "", 0);
}

/** Makes a session's cookie worthless before it expires (it stays cryptographically valid until then). */
export function revokeSession(session: Session | null): void {
  if (session) theRevocations().revoke(session.id, session.expiresAt);
}

/**
 * HttpOnly (no page script reads it), SameSite=Strict (no cross-site request carries it;
 * our sign-in is a same-origin fetch, so Lax is not needed), Path=/, Max-Age = the session's
 * lifetime, Secure when the browser reached us over https.
 */
export function sessionCookie(req: Request, value: string, maxAgeSeconds: number): string {
  const parts = [`${SESSION_COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${maxAgeSeconds}`];
  if (isHttps(req)) parts.push("Secure");
  return parts.join("; ");
}

/** The request came over https: directly, or through a proxy we trust (DASHBOARD_TRUST_PROXY) that says so. */
export function isHttps(req: Request): boolean {
  if (new URL(req.url).protocol === "https:") return true;
  if (!getConfig().access.trustProxy) return false;
  return req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** The operator of an API request; a session that ended is answered first (401 session_ended, cookie cleared). */
export async function apiOperator(): Promise<Operator> {
  const op = await currentOperator();
  if (op.ended) throw new DomainError("session_ended", SESSION_END_MESSAGES[op.ended], { reason: op.ended });
  return op;
}
