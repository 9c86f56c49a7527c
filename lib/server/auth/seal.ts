import "server-only";
import { randomBytes } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";

/**
 * Session cookies are JWEs (jose: `dir` key management, A256GCM): encrypted and
 * authenticated with the server's session key, so the Consul token inside is never
 * readable in the browser, and any change to the cookie makes it invalid. The
 * session id (`jti`) lets sign-out revoke one session before it expires.
 */

export interface SessionData {
  /** The operator's Consul token (SecretID): only ever inside the sealed cookie and server memory. */
  token: string;
  accessor: string;
  description: string | null;
  /** A wall display's "keep me signed in" session (longer lifetime). */
  wall: boolean;
}

export interface Session extends SessionData {
  id: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

export type Unsealed = { ok: true; session: Session } | { ok: false; reason: "expired" | "invalid" };

const ALG = "dir";
const ENC = "A256GCM";
const AUDIENCE = "consul-dashboard-session";

export async function sealSession(data: SessionData, key: Uint8Array, ttlSeconds: number, nowMs = Date.now()): Promise<{ cookie: string; session: Session }> {
  const id = randomBytes(16).toString("base64url");
  const now = Math.floor(nowMs / 1000);
  const expiresAt = now + ttlSeconds;
  const cookie = await new EncryptJWT({ tok: data.token, acc: data.accessor, dsc: data.description, wall: data.wall })
    .setProtectedHeader({ alg: ALG, enc: ENC })
    .setJti(id)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .encrypt(key);
  return { cookie, session: { ...data, id, expiresAt } };
}

export async function unsealSession(cookie: string, key: Uint8Array, nowMs = Date.now()): Promise<Unsealed> {
  try {
    const { payload } = await jwtDecrypt(cookie, key, {
      audience: AUDIENCE,
      keyManagementAlgorithms: [ALG],
      contentEncryptionAlgorithms: [ENC],
      currentDate: new Date(nowMs),
      clockTolerance: 0,
      requiredClaims: ["jti", "exp"],
    });
    const { tok, acc, dsc, wall, jti, exp } = payload;
    if (typeof tok !== "string" || typeof acc !== "string" || typeof jti !== "string" || typeof exp !== "number") return { ok: false, reason: "invalid" };
    return {
      ok: true,
      session: { token: tok, accessor: acc, description: typeof dsc === "string" ? dsc : null, wall: wall === true, id: jti, expiresAt: exp },
    };
  } catch (err) {
    return { ok: false, reason: (err as { code?: string }).code === "ERR_JWT_EXPIRED" ? "expired" : "invalid" };
  }
}
