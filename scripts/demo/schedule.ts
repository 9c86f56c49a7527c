/**
 * When a demo check is down. Pure so the banner, the demo servers and the
 * catalog flipper agree on one timeline, and tests can check it without waiting.
 */
export interface Schedule {
  /** First outage starts this long after the demo starts. */
  firstDownMs: number;
  /** One outage every periodMs. */
  periodMs: number;
  /** Each outage lasts downMs (less than periodMs). */
  downMs: number;
}

export function isDown(s: Schedule, elapsedMs: number): boolean {
  if (elapsedMs < s.firstDownMs) return false;
  return (elapsedMs - s.firstDownMs) % s.periodMs < s.downMs;
}

/** The same timeline run faster (tests) or slower; never below 1 ms. */
export function scaleSchedule(s: Schedule, factor: number): Schedule {
  const k = (ms: number) => Math.max(1, Math.round(ms * factor));
  return { firstDownMs: k(s.firstDownMs), periodMs: k(s.periodMs), downMs: k(s.downMs) };
}

/** "down 20 s every 60 s, first at 15 s" for the banner. */
export function describeSchedule(s: Schedule): string {
  const sec = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  return `down ${sec(s.downMs)} every ${sec(s.periodMs)}, first at ${sec(s.firstDownMs)}`;
}
