import "server-only";
import type { Transition } from "@/lib/api/live";

/** The last `capacity` status transitions: memory stays bounded however long the server runs. */
export class TransitionLog {
  private readonly items: (Transition | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(readonly capacity = 500) {
    this.items = new Array<Transition | undefined>(capacity);
  }

  add(t: Omit<Transition, "seq">): Transition {
    const full: Transition = { ...t, seq: ++this.seq };
    this.items[this.next] = full;
    this.next = (this.next + 1) % this.capacity;
    return full;
  }

  /** Newest first, at most `limit`, optionally for one service. */
  recent(limit = 50, service?: string): Transition[] {
    const out: Transition[] = [];
    for (let i = 1; i <= this.capacity && out.length < limit; i++) {
      const t = this.items[(this.next - i + this.capacity) % this.capacity];
      if (!t) break;
      if (service === undefined || t.service === service) out.push(t);
    }
    return out;
  }
}
