import "server-only";
import type { WatchConfig } from "../config";
import { DcWatch, WatchBudget } from "./dc-watch";
import type { HealthSource, ServiceSource } from "./health-source";

export interface WatchLease {
  watch: DcWatch;
  /** Gives the lease back; the watch stops `idleMs` after its last lease. */
  release(): void;
}

interface Slot {
  watch: DcWatch;
  leases: number;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * One watch per datacenter, shared by every open screen: upstream requests do not
 * grow with viewers. Watches nobody leases stop after an idle period.
 */
export class WatchRegistry {
  private readonly slots = new Map<string, Slot>();
  /** Per-service watches across every datacenter (DASHBOARD_MAX_SERVICE_WATCHES). */
  readonly serviceWatches: WatchBudget;

  constructor(
    private readonly makeSource: (dc: string | undefined) => HealthSource,
    private readonly config: WatchConfig,
    private readonly makeServiceSource?: (dc: string | undefined) => ServiceSource,
    /** Called with each new watch (the health history records from it). */
    private readonly onStart?: (watch: DcWatch) => void,
    maxServiceWatches = 64,
    /** Awaited by each new watch before its first round (see DcWatchOptions.startAfter). */
    private readonly startAfter?: (watch: DcWatch) => Promise<unknown>,
  ) {
    this.serviceWatches = new WatchBudget(maxServiceWatches);
  }

  acquire(dc: string | undefined): WatchLease {
    const key = dc ?? "";
    let slot = this.slots.get(key);
    if (!slot || slot.watch.stopped) {
      const watch = new DcWatch(dc, this.makeSource(dc), {
        maxBackoffMs: this.config.maxBackoffMs,
        serviceSource: this.makeServiceSource?.(dc),
        serviceWatchBudget: this.serviceWatches,
        startAfter: this.startAfter,
      }).start();
      this.onStart?.(watch);
      slot = { watch, leases: 0, idleTimer: undefined };
      this.slots.set(key, slot);
    }
    const s = slot;
    clearTimeout(s.idleTimer);
    s.idleTimer = undefined;
    s.leases++;
    let released = false;
    return {
      watch: s.watch,
      release: () => {
        if (released) return;
        released = true;
        s.leases--;
        if (s.leases > 0) return;
        s.idleTimer = setTimeout(() => {
          if (s.leases > 0 || this.slots.get(key) !== s) return;
          this.slots.delete(key);
          void s.watch.stop();
        }, this.config.idleMs);
        s.idleTimer.unref?.();
      },
    };
  }

  /** Datacenters being watched and their viewer counts (for diagnostics and tests). */
  active(): { dc: string; leases: number }[] {
    return [...this.slots.entries()].map(([dc, s]) => ({ dc, leases: s.leases }));
  }

  async stopAll(): Promise<void> {
    const slots = [...this.slots.values()];
    this.slots.clear();
    for (const s of slots) clearTimeout(s.idleTimer);
    await Promise.all(slots.map((s) => s.watch.stop()));
  }
}
