import "server-only";
import { hkdfSync, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The 256-bit key that seals session cookies: derived from DASHBOARD_SESSION_SECRET
 * when set (replicas that share it share sessions), otherwise created once in the
 * data directory (mode 0600) so restarts keep sessions.
 */
export function sessionKey(secret: string | undefined, dataDir: string): Uint8Array {
  if (secret) return new Uint8Array(hkdfSync("sha256", secret, "consul-dashboard", "session-cookie-v1", 32));
  const file = path.join(dataDir, "session-key");
  mkdirSync(dataDir, { recursive: true });
  // Written aside, then linked into place: a second process starting at the same moment
  // either links first or reads a complete key, never a half-written one.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, randomBytes(32).toString("base64"), { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (err) {
    // Another process (or an earlier start) made it first: use that one.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    unlinkSync(tmp);
  }
  const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key; delete it to make a new one (this signs everyone out)`);
  return new Uint8Array(key);
}
