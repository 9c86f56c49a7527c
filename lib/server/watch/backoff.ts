import "server-only";

export interface BackoffOptions {
  baseMs?: number;
  capMs: number;
  /** [0, 1): injectable for tests. */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (1, 2, …): quadratic growth as in Consul's own
 * watcher, capped lower for a dashboard, with jitter between half and all of it so
 * many dashboards do not retry in step after an outage.
 */
export function backoffMs(attempt: number, { baseMs = 500, capMs, random = Math.random }: BackoffOptions): number {
  const n = Math.max(1, attempt);
  const full = Math.min(capMs, baseMs * n * n);
  return Math.round(full / 2 + (random() * full) / 2);
}

/** Resolves after `ms`, or at once (without throwing) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
