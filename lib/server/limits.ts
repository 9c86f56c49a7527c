import "server-only";
import { DomainError } from "./errors";

/** Too much work of one kind is already waiting: a 503 that tells the caller to try again. */
export class BusyError extends DomainError {
  constructor(message: string) {
    super("busy", message);
    this.name = "BusyError";
  }
}

/**
 * A small counting semaphore with a bounded queue: at most `concurrency` tasks run,
 * at most `queue` wait (first come, first served), and beyond that `run` refuses at
 * once with a BusyError instead of piling up work (and connections to Consul).
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly name: string,
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) {
        throw new BusyError(`The dashboard is busy with other ${this.name} (${this.running} running, ${this.waiting.length} waiting); try again in a moment.`);
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` never drops below the true count.
      if (next) next();
      else this.running--;
    }
  }
}

// On globalThis so every route bundle of the Next.js server shares one limit.
const KEY = Symbol.for("consul-dashboard.limits");
type WithLimits = typeof globalThis & { [KEY]?: { search: Semaphore; export: Semaphore } };

function limits() {
  const g = globalThis as WithLimits;
  g[KEY] ??= {
    search: new Semaphore("key searches", 4, 64),
    export: new Semaphore("exports", 2, 8),
  };
  return g[KEY];
}

/** Key searches (/api/kv/keys): each lists a whole subtree, so few run at once. */
export const searchLimit = (): Semaphore => limits().search;
/** Folder exports (/api/kv/export): each reads a whole subtree with values. */
export const exportLimit = (): Semaphore => limits().export;
