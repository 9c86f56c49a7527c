"use client";

import { useNow } from "./use-now";

function formatAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d`;
}

/** "3 min ago" that keeps counting; the exact time is in the title and the datetime attribute. */
export function RelativeTime({ iso, suffix = " ago", prefix = "" }: { iso: string; suffix?: string; prefix?: string }) {
  const now = useNow();
  const at = Date.parse(iso);
  // Before hydration `now` is 0: show the absolute time rather than a wrong duration.
  const text = now === 0 ? new Date(at).toISOString().slice(11, 19) : `${prefix}${formatAgo(now - at)}${suffix}`;
  return (
    <time dateTime={iso} title={new Date(at).toLocaleString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
