/** Chart axis and tooltip labels: local time of day, with the date when it is not today. */
export function timeLabel(t: number): string {
  const d = new Date(t);
  return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
}

export function fullTimeLabel(t: number): string {
  return new Date(t).toLocaleString([], { dateStyle: "short", timeStyle: "short", hour12: false });
}
