import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RevocationList } from "./revocations";
import { sealSession, unsealSession } from "./seal";
import { sessionKey } from "./session-key";

const SECRET = "3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5f";
const data = { token: SECRET, accessor: "acc-1", description: "ops", wall: false };
const tmpDir = () => mkdtempSync(path.join(os.tmpdir(), "sess-"));

/** Every form in which a secret could leak into a cookie. */
function forms(secret: string): string[] {
  const b = Buffer.from(secret);
  return [secret, b.toString("base64"), b.toString("base64url"), b.toString("hex"), encodeURIComponent(secret), secret.replaceAll("-", "")];
}

describe("sealed sessions", () => {
  const key = sessionKey("x".repeat(32), tmpDir());

  it("round-trips and never carries the token in a readable form", async () => {
    const { cookie, session } = await sealSession(data, key, 3600);
    for (const f of forms(SECRET)) expect(cookie).not.toContain(f);
    expect(cookie).toMatch(/^[\w-]+(\.[\w-]*){4}$/); // compact JWE: cookie-safe characters only
    const out = await unsealSession(cookie, key);
    expect(out).toEqual({ ok: true, session: { ...data, id: session.id, expiresAt: session.expiresAt } });
  });

  it("gives every session its own id", async () => {
    const a = await sealSession(data, key, 60);
    const b = await sealSession(data, key, 60);
    expect(a.session.id).not.toBe(b.session.id);
    expect(a.cookie).not.toBe(b.cookie);
  });

  it("expires", async () => {
    const now = Date.UTC(2030, 0, 1);
    const { cookie } = await sealSession(data, key, 10, now);
    expect((await unsealSession(cookie, key, now + 9_000)).ok).toBe(true);
    expect(await unsealSession(cookie, key, now + 10_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a tampered cookie, another key's cookie, and junk", async () => {
    const { cookie } = await sealSession(data, key, 60);
    const parts = cookie.split(".");
    const last = parts[3] ?? "";
    parts[3] = (last[0] === "A" ? "B" : "A") + last.slice(1);
    expect(await unsealSession(parts.join("."), key)).toEqual({ ok: false, reason: "invalid" });
    const other = sessionKey("y".repeat(32), tmpDir());
    expect(await unsealSession(cookie, other)).toEqual({ ok: false, reason: "invalid" });
    expect(await unsealSession(SECRET, key)).toEqual({ ok: false, reason: "invalid" });
    expect(await unsealSession("", key)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("session key", () => {
  it("is derived from DASHBOARD_SESSION_SECRET the same way everywhere", () => {
    expect(sessionKey("s".repeat(40), tmpDir())).toEqual(sessionKey("s".repeat(40), tmpDir()));
    expect(sessionKey("s".repeat(40), tmpDir())).toHaveLength(32);
  });

  it("is generated once into the data directory, mode 0600, and kept across restarts", () => {
    const dir = tmpDir();
    const first = sessionKey(undefined, dir);
    expect(first).toHaveLength(32);
    expect(statSync(path.join(dir, "session-key")).mode & 0o777).toBe(0o600);
    expect(sessionKey(undefined, dir)).toEqual(first);
    expect(sessionKey(undefined, tmpDir())).not.toEqual(first);
  });
});

describe("revocation list", () => {
  it("revokes until the session's expiry, survives a restart, and is shared through its file", () => {
    const file = path.join(tmpDir(), "revoked.json");
    const now = Date.UTC(2030, 0, 1);
    const exp = now / 1000 + 60;
    const a = new RevocationList(file);
    const b = new RevocationList(file); // another bundle or replica on the same data directory
    expect(b.isRevoked("s1", now)).toBe(false);
    a.revoke("s1", exp, now);
    expect(a.isRevoked("s1", now)).toBe(true);
    expect(b.isRevoked("s1", now)).toBe(true);
    expect(new RevocationList(file).isRevoked("s1", now)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(a.isRevoked("s1", now + 61_000)).toBe(false);
  });

  it("drops entries once their sessions would have expired anyway", () => {
    const file = path.join(tmpDir(), "revoked.json");
    const list = new RevocationList(file);
    const now = Date.UTC(2030, 0, 1);
    list.revoke("old", now / 1000 + 1, now);
    list.revoke("new", now / 1000 + 100, now + 5_000);
    expect(list.size).toBe(1);
    expect(new RevocationList(file).isRevoked("new", now + 5_000)).toBe(true);
  });
});
