import type { LiveSummary, OverviewDelta, OverviewSnapshot, ServiceDetail, ServiceEvent, Transition } from "@/lib/api/live";

/**
 * How the live stream's events fold into what a screen holds. Pure and isomorphic:
 * the browser's stream hook only calls these.
 */

/** What the browser holds for one datacenter's overview. */
export interface OverviewData {
  services: Record<string, LiveSummary>;
  /** Newest first, bounded. */
  transitions: Transition[];
}

/** What the browser holds for one service. */
export interface ServiceData {
  service: ServiceDetail | null;
  transitions: Transition[];
}

/** How many transitions a feed keeps. */
export const FEED_LIMIT = 50;

/** Newest first, no duplicates (a reconnect's snapshot repeats recent transitions), at most FEED_LIMIT. */
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

/** A snapshot replaces every service; the transitions it repeats join the feed once. */
export function applySnapshot(prev: OverviewData | undefined, snap: OverviewSnapshot): OverviewData {
  return {
    services: Object.fromEntries(snap.services.map((s) => [s.name, s])),
    transitions: mergeTransitions(prev?.transitions ?? [], snap.transitions),
  };
}

/** A delta changes and removes services. Before the first snapshot there is nothing to change: it is dropped. */
export function applyDelta(prev: OverviewData | undefined, delta: OverviewDelta): OverviewData | undefined {
  if (!prev) return prev;
  const services = { ...prev.services };
  for (const s of delta.changed) services[s.name] = s;
  for (const n of delta.removed) delete services[n];
  return { services, transitions: mergeTransitions(prev.transitions, delta.transitions) };
}

/** A service event carries the whole service (null: not registered); its transitions join the feed. */
export function applyServiceEvent(prev: ServiceData | undefined, ev: ServiceEvent): ServiceData {
  return { service: ev.service, transitions: mergeTransitions(prev?.transitions ?? [], ev.transitions) };
}
