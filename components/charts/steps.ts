// Per-minute step series thinned for drawing: recharts spends ~0.25 ms of main thread per point
// (a full day is 1,440 points), more than a chart a few hundred pixels wide can show.

const MINUTE = 60_000;

/** Most points a chart is given: 24 h in 4-minute steps. */
export const MAX_CHART_POINTS = 360;

export interface Thinned<T> {
  points: T[];
  /** Minutes each point stands for: 1 when nothing was thinned. */
  minutes: number;
}

/**
 * Groups a series' minutes into equal steps so that at most `max` remain, each step drawn as its
 * worst minute (so a short outage still shows) at the time of its first minute. Points stay on a
 * regular grid, so a tooltip's nearest point is never more than a step away.
 */
export function thinSteps<T extends { t: number }>(points: readonly T[], worse: (a: T, b: T) => boolean, max = MAX_CHART_POINTS): Thinned<T> {
  if (points.length <= max) return { points: [...points], minutes: 1 };
  const first = points[0]!.t;
  const span = points.at(-1)!.t - first;
  const minutes = Math.max(1, Math.ceil((span / MINUTE + 1) / max));
  const step = minutes * MINUTE;
  const out: T[] = [];
  let bucket = -1;
  for (const p of points) {
    const b = Math.floor((p.t - first) / step);
    if (b !== bucket) {
      bucket = b;
      out.push(p);
    } else if (worse(p, out.at(-1)!)) {
      out[out.length - 1] = { ...p, t: out.at(-1)!.t };
    }
  }
  return { points: out, minutes };
}
