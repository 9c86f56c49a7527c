import type { ServiceStatus } from "@/lib/api/overview";

/**
 * Remembers each service's last seen status, so the wall can pulse a tile whose
 * status changed while it was on screen (not at first sight) and ring on a new DOWN.
 * Bounded: services no longer present are forgotten on every observation.
 */
export class StatusTracker {
  private readonly last = new Map<string, ServiceStatus>();
  private readonly pulseUntil = new Map<string, number>();
  /** Services that went DOWN while watched and nobody acknowledged yet. */
  private readonly unacked = new Set<string>();
  private seenAt = -1;

  constructor(readonly pulseMs = 6_000) {}

  /**
   * Feeds the current statuses. Idempotent for the same input (React may render twice):
   * a change is only counted once, against the last observation.
   */
  observe(services: Iterable<{ name: string; status: ServiceStatus }>, nowMs: number): void {
    const present = new Set<string>();
    const first = this.seenAt < 0;
    for (const s of services) {
      present.add(s.name);
      const before = this.last.get(s.name);
      if (before !== s.status) {
        this.last.set(s.name, s.status);
        // A service new to a wall that was already watching counts as a change too.
        if (!first) {
          this.pulseUntil.set(s.name, nowMs + this.pulseMs);
          if (s.status === "DOWN") this.unacked.add(s.name);
        }
      }
      if (s.status !== "DOWN") this.unacked.delete(s.name);
    }
    for (const name of this.last.keys()) {
      if (!present.has(name)) {
        this.last.delete(name);
        this.pulseUntil.delete(name);
        this.unacked.delete(name);
      }
    }
    for (const [name, until] of this.pulseUntil) if (until <= nowMs) this.pulseUntil.delete(name);
    this.seenAt = nowMs;
  }

  pulsing(name: string, nowMs: number): boolean {
    return (this.pulseUntil.get(name) ?? 0) > nowMs;
  }

  /** New DOWNs not yet acknowledged (sorted, for a stable alarm). */
  alarms(): string[] {
    return [...this.unacked].sort();
  }

  acknowledge(): void {
    this.unacked.clear();
  }

  /** Forgets everything: the next observation is a first sight (e.g. another datacenter). */
  reset(): void {
    this.last.clear();
    this.pulseUntil.clear();
    this.unacked.clear();
    this.seenAt = -1;
  }

  get size(): number {
    return this.last.size;
  }
}
