import type { LiveSummary, ServiceDetail, Transition } from "@/lib/api/live";

/** What the browser holds for one datacenter's overview, kept in the React Query cache. */
export interface OverviewData {
  services: Record<string, LiveSummary>;
  /** Newest first, bounded. */
  transitions: Transition[];
}

export interface ServiceData {
  service: ServiceDetail | null;
  transitions: Transition[];
}

/** The browser's own connection to the dashboard server. */
export interface ConnectionState {
  status: "connecting" | "open" | "dropped";
  since: string;
}

const FEED_LIMIT = 50;

/** Newest first, no duplicates (a reconnect's snapshot repeats recent transitions). */
export function mergeTransitions(older: Transition[], newer: Transition[]): Transition[] {
  const seen = new Set<number>();
  const out: Transition[] = [];
  for (const t of [...newer].sort((a, b) => b.seq - a.seq).concat(older)) {
    if (seen.has(t.seq)) continue;
    seen.add(t.seq);
    out.push(t);
    if (out.length >= FEED_LIMIT) break;
  }
  return out;
}
