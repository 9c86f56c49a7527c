// Chart axis and tooltip labels. One formatter each, made once: `toLocaleTimeString(…, options)`
// builds a new Intl formatter on every call (~0.5 ms here), and recharts formats every point.
const TIME = new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit", hour12: false });
const FULL = new Intl.DateTimeFormat([], { dateStyle: "short", timeStyle: "short", hour12: false });

/** Axis label: local time of day. */
export function timeLabel(t: number): string {
  return TIME.format(t);
}

/** Tooltip label: local date and time. */
export function fullTimeLabel(t: number): string {
  return FULL.format(t);
}

const MINUTE = 60_000;
/** Tick spacings, in minutes, from one minute to a day. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

/**
 * At most `most` axis ticks between `from` and `to` (ms), at a round spacing counted from local
 * midnight (…, 12:00, 15:00, 18:00). Given to the axis so it formats and measures only these,
 * not a label per point.
 */
export function timeTicks(from: number, to: number, most = 6): number[] {
  if (!(to > from)) return Number.isFinite(from) ? [from] : [];
  const step = (STEPS.find((s) => (to - from) / (s * MINUTE) <= most) ?? STEPS.at(-1)!) * MINUTE;
  const midnight = new Date(from).setHours(0, 0, 0, 0);
  const ticks: number[] = [];
  for (let t = midnight + Math.ceil((from - midnight) / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
