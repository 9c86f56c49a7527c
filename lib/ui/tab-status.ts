import type { ServiceStatus } from "@/lib/api/overview";

export type TabTone = ServiceStatus | "neutral";

export interface TabCounts {
  DOWN?: number;
  DEGRADED?: number;
}

/** The worst status among the counts: what the tab's icon shows. */
export function worstTone(counts: TabCounts | undefined): TabTone {
  if (!counts) return "neutral";
  if ((counts.DOWN ?? 0) > 0) return "DOWN";
  if ((counts.DEGRADED ?? 0) > 0) return "DEGRADED";
  return "OK";
}

/**
 * The tab's title tells the story first: "(2 DOWN) Services · dc1",
 * "(3 DEGRADED) Services · dc1", or just "Services · dc1" when all is well.
 */
export function tabTitle(page: string, dc: string | undefined, counts?: TabCounts): string {
  const down = counts?.DOWN ?? 0;
  const degraded = counts?.DEGRADED ?? 0;
  const lead = down > 0 ? `(${down} DOWN) ` : degraded > 0 ? `(${degraded} DEGRADED) ` : "";
  return `${lead}${page}${dc ? ` · ${dc}` : ""}`;
}

/** The icon in public/icons/ for a tone. */
export function tabIcon(tone: TabTone): string {
  return tone === "neutral" ? "/icons/neutral.svg" : `/icons/${tone.toLowerCase()}.svg`;
}
