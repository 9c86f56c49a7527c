import "server-only";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Session ids ended by sign-out (or by Consul forgetting the token) before their
 * expiry. A sealed cookie stays cryptographically valid until it expires, so the
 * list is what makes sign-out final. It is kept in memory and in a file in
 * DASHBOARD_DATA_DIR (re-read when its mtime changes), so a restart — or a replica
 * sharing that directory — still refuses the cookie. Entries are dropped once
 * their session would have expired anyway.
 */
export class RevocationList {
  private revoked = new Map<string, number>();
  private loadedMtimeMs = -1;

  constructor(private readonly file: string) {}

  isRevoked(id: string, nowMs = Date.now()): boolean {
    this.reloadIfChanged();
    const until = this.revoked.get(id);
    return until !== undefined && until * 1000 > nowMs;
  }

  /** Ends session `id`, which would have expired at `expiresAt` (seconds since the epoch). */
  revoke(id: string, expiresAt: number, nowMs = Date.now()): void {
    this.reloadIfChanged();
    this.revoked.set(id, expiresAt);
    for (const [k, until] of this.revoked) if (until * 1000 <= nowMs) this.revoked.delete(k);
    this.save();
  }

  get size(): number {
    return this.revoked.size;
  }

  private reloadIfChanged(): void {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.file).mtimeMs;
    } catch {
      return; // Nothing revoked yet.
    }
    if (mtimeMs === this.loadedMtimeMs) return;
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, "utf8"));
      if (parsed && typeof parsed === "object") {
        for (const [k, v] of Object.entries(parsed)) if (typeof v === "number") this.revoked.set(k, Math.max(v, this.revoked.get(k) ?? 0));
      }
      this.loadedMtimeMs = mtimeMs;
    } catch (err) {
      console.error(`Cannot read the session revocation list ${this.file}:`, err);
    }
  }

  private save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.revoked)), { mode: 0o600 });
    renameSync(tmp, this.file);
    this.loadedMtimeMs = statSync(this.file).mtimeMs;
  }
}
