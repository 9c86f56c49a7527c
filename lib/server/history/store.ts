import "server-only";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { MinuteRing } from "@/lib/history/minute-ring";
import type { CountPoint, StatusPoint } from "@/lib/api/history";
import { SERVICE_STATUSES, type ServiceStatus } from "@/lib/api/overview";
import { log } from "../log";

/** Status codes in a ring: 0 = no data; larger is worse, so a minute keeps its worst status. */
const CODE: Record<ServiceStatus, number> = { OK: 1, DEGRADED: 2, DOWN: 3 };
const STATUS: Record<number, ServiceStatus> = { 1: "OK", 2: "DEGRADED", 3: "DOWN" };
const lastWins = (_old: number, next: number) => next;

/** A service's ring: its slots (base64), or, for a ring that is one run (version 2), the run's bounds. */
const ServiceSlots = z.object({ latest: z.number().int(), codes: z.string() });
const ServiceRun = z
  .object({ latest: z.number().int(), from: z.number().int(), value: z.number().int().min(0).max(3) })
  .refine((r) => r.from <= r.latest, { message: "a run ends before it starts" });

/**
 * Version 2 stores a service whose status has not changed as its run (a few bytes instead of
 * 1,920 characters of base64: ~19 MB of JSON every 30 s at 10,000 services); version 1 files
 * (slots only) still load.
 */
const FileSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  totals: z.object({ latest: z.number().int(), OK: z.string(), DEGRADED: z.string(), DOWN: z.string() }),
  services: z.record(z.string(), z.union([ServiceSlots, ServiceRun])),
});

/** A temp file older than this was left by a write that never finished (a write takes well under a second). */
const STALE_TEMP_MS = 10 * 60_000;

class DatacenterHistory {
  readonly totals: Record<ServiceStatus, MinuteRing>;
  readonly services = new Map<string, MinuteRing>();
  prunedAt = -1;

  constructor(readonly minutes: number) {
    this.totals = {
      OK: new MinuteRing(minutes, lastWins),
      DEGRADED: new MinuteRing(minutes, lastWins),
      DOWN: new MinuteRing(minutes, lastWins),
    };
  }

  service(name: string): MinuteRing {
    let ring = this.services.get(name);
    if (!ring) {
      ring = new MinuteRing(this.minutes, Math.max, "byte");
      this.services.set(name, ring);
    }
    return ring;
  }
}

/**
 * A bounded time series of status counts per datacenter and of each service's
 * status, at one-minute resolution (24 h by default), kept in memory and
 * persisted to one small file per datacenter so it survives a restart.
 * Memory: one byte per service per minute (5,000 services × 24 h ≈ 7 MB).
 */
export class HistoryStore {
  private readonly dcs = new Map<string, DatacenterHistory>();
  private readonly dirty = new Set<string>();

  constructor(
    readonly dir: string,
    readonly minutes = 24 * 60,
    private readonly now: () => number = Date.now,
  ) {}

  private dc(name: string): DatacenterHistory {
    let h = this.dcs.get(name);
    if (!h) {
      h = new DatacenterHistory(this.minutes);
      this.dcs.set(name, h);
    }
    return h;
  }

  /** Records the current status of every service of a datacenter. Cheap: call on every change. */
  record(dc: string, services: Iterable<{ name: string; status: ServiceStatus }>): void {
    const minute = Math.floor(this.now() / 60_000);
    const h = this.dc(dc);
    const counts: Record<ServiceStatus, number> = { OK: 0, DEGRADED: 0, DOWN: 0 };
    for (const s of services) {
      counts[s.status] += 1;
      h.service(s.name).set(minute, CODE[s.status]);
    }
    for (const st of SERVICE_STATUSES) h.totals[st].set(minute, counts[st]);
    // Services gone for longer than the window are forgotten: churn of names must not grow memory for weeks.
    if (minute !== h.prunedAt) {
      h.prunedAt = minute;
      for (const [name, ring] of h.services) if (ring.latestMinute <= minute - this.minutes) h.services.delete(name);
    }
    this.dirty.add(dc);
  }

  /** OK/DEGRADED/DOWN counts per minute for the datacenter, oldest first. */
  datacenterSeries(dc: string): CountPoint[] {
    const h = this.dcs.get(dc);
    if (!h) return [];
    const minutes = new Set<number>();
    for (const ring of Object.values(h.totals)) for (const [m] of ring.entries()) minutes.add(m);
    // A minute with every count 0 but recorded (no services) still shows as a point.
    const latest = h.totals.OK.latestMinute;
    if (latest >= 0) minutes.add(latest);
    return [...minutes]
      .sort((a, b) => a - b)
      .map((m) => ({ t: m * 60_000, OK: h.totals.OK.get(m), DEGRADED: h.totals.DEGRADED.get(m), DOWN: h.totals.DOWN.get(m) }));
  }

  /** The service's worst status in each minute it was seen, oldest first. */
  serviceSeries(dc: string, name: string): StatusPoint[] {
    const ring = this.dcs.get(dc)?.services.get(name);
    if (!ring) return [];
    return ring.entries().flatMap(([m, code]) => {
      const status = STATUS[code];
      return status ? [{ t: m * 60_000, status }] : [];
    });
  }

  private file(dc: string): string {
    // "" is the agent's own datacenter; "@" cannot come out of encodeURIComponent, so no name collides.
    return path.join(this.dir, `history-${dc ? encodeURIComponent(dc) : "@local"}.json`);
  }

  private serialize(h: DatacenterHistory): string {
    const b64 = (r: MinuteRing) => Buffer.from(r.snapshot().values.buffer).toString("base64");
    const body: z.input<typeof FileSchema> = {
      version: 2,
      totals: { latest: h.totals.OK.latestMinute, OK: b64(h.totals.OK), DEGRADED: b64(h.totals.DEGRADED), DOWN: b64(h.totals.DOWN) },
      services: Object.fromEntries([...h.services].map(([name, r]) => [name, r.run() ?? { latest: r.latestMinute, codes: b64(r) }])),
    };
    return JSON.stringify(body);
  }

  private takeDirty(): [string, string][] {
    const out: [string, string][] = [];
    for (const dc of this.dirty) {
      const h = this.dcs.get(dc);
      if (h) out.push([dc, this.serialize(h)]);
    }
    this.dirty.clear();
    return out;
  }

  /** Writes every changed datacenter atomically (temp file + rename). */
  async flush(): Promise<void> {
    if (this.dirty.size === 0) return;
    await mkdir(this.dir, { recursive: true });
    for (const [dc, body] of this.takeDirty()) {
      const target = this.file(dc);
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, body);
      await rename(tmp, target);
    }
  }

  /** The same, synchronously: for process exit, when no promise will be awaited any more. */
  flushSync(): void {
    if (this.dirty.size === 0) return;
    mkdirSync(this.dir, { recursive: true });
    for (const [dc, body] of this.takeDirty()) {
      const target = this.file(dc);
      const tmp = `${target}.${process.pid}.sync.tmp`;
      writeFileSync(tmp, body);
      renameSync(tmp, target);
    }
  }

  /**
   * Removes temp files a killed process left mid-write (they are never read). Only old ones:
   * a replica sharing the directory may be writing its own right now.
   */
  private async removeStaleTemps(dc: string): Promise<void> {
    const prefix = `${path.basename(this.file(dc))}.`;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
      const file = path.join(this.dir, name);
      const info = await stat(file).catch(() => undefined);
      if (info && this.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(file).catch(() => undefined);
    }
  }

  /** Loads a datacenter's persisted history, if any; a corrupt file is reported and ignored. */
  async load(dc: string): Promise<void> {
    await this.removeStaleTemps(dc);
    let raw: string;
    try {
      raw = await readFile(this.file(dc), "utf8");
    } catch {
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = FileSchema.safeParse(json);
    if (!parsed.success) {
      log.warn({ file: this.file(dc), problem: parsed.error.issues[0]?.message }, "Ignoring unreadable history file");
      return;
    }
    const f = parsed.data;
    const h = new DatacenterHistory(this.minutes);
    const words = (s: string) => {
      const buf = Buffer.from(s, "base64");
      return new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    };
    for (const st of SERVICE_STATUSES) {
      h.totals[st] = MinuteRing.restore({ latest: f.totals.latest, values: words(f.totals[st]) }, this.minutes, lastWins);
    }
    for (const [name, s] of Object.entries(f.services)) {
      const ring =
        "codes" in s
          ? MinuteRing.restore({ latest: s.latest, values: Buffer.from(s.codes, "base64") }, this.minutes, Math.max, "byte")
          : MinuteRing.fromRun(s, this.minutes, Math.max, "byte");
      h.services.set(name, ring);
    }
    this.dcs.set(dc, h);
  }
}
