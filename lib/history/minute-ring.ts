/**
 * A fixed-size ring of per-minute values: memory is bounded by `capacity`
 * whatever the uptime. Minutes are whole minutes since the epoch. Writing to a
 * new minute clears the slots of the minutes skipped in between, so a gap (the
 * dashboard was down) reads as "no data" rather than stale values.
 */
export class MinuteRing {
  readonly values: Uint8Array | Uint32Array;
  private latest = -1;

  constructor(
    readonly capacity: number,
    /** How two writes in one minute combine: default keeps the larger (the worse status). */
    private readonly combine: (old: number, next: number) => number = Math.max,
    /** "byte" for small codes (status), "word" for counts up to 2^32. */
    width: "byte" | "word" = "word",
  ) {
    this.values = width === "byte" ? new Uint8Array(capacity) : new Uint32Array(capacity);
  }

  get latestMinute(): number {
    return this.latest;
  }

  set(minute: number, value: number): void {
    if (this.latest >= 0 && minute <= this.latest - this.capacity) return; // older than the window
    if (minute > this.latest) {
      const from = this.latest < 0 ? minute : Math.max(this.latest + 1, minute - this.capacity + 1);
      for (let m = from; m <= minute; m++) this.values[m % this.capacity] = 0;
      this.latest = minute;
      this.values[minute % this.capacity] = value;
      return;
    }
    const slot = minute % this.capacity;
    this.values[slot] = this.combine(this.values[slot] ?? 0, value);
  }

  get(minute: number): number {
    if (this.latest < 0 || minute > this.latest || minute <= this.latest - this.capacity) return 0;
    return this.values[minute % this.capacity] ?? 0;
  }

  /** [minute, value] for every minute in the window that holds a value (non-zero), oldest first. */
  entries(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (this.latest < 0) return out;
    for (let m = this.latest - this.capacity + 1; m <= this.latest; m++) {
      const v = this.get(m);
      if (v !== 0) out.push([m, v]);
    }
    return out;
  }

  /** The latest minute and the raw slots, for persistence. */
  snapshot(): { latest: number; values: Uint8Array | Uint32Array } {
    return { latest: this.latest, values: this.values };
  }

  /** Rebuilds a ring from a snapshot, also into a different capacity. */
  static restore(
    data: { latest: number; values: ArrayLike<number> },
    capacity: number,
    combine?: (a: number, b: number) => number,
    width?: "byte" | "word",
  ): MinuteRing {
    const ring = new MinuteRing(capacity, combine, width);
    if (data.latest < 0 || data.values.length === 0) return ring;
    const oldCap = data.values.length;
    for (let m = data.latest - Math.min(oldCap, capacity) + 1; m <= data.latest; m++) {
      const v = data.values[m % oldCap] ?? 0;
      if (v !== 0) ring.set(m, v);
    }
    if (ring.latest < data.latest) ring.set(data.latest, 0);
    return ring;
  }
}
