import type { LiveSummary } from "@/lib/api/live";
import { statusTotals, type StatusTotals } from "./rollup";
import { filterAndSort, type OverviewParams } from "./view";

/**
 * The overview's first screenful, rendered into the page's HTML from the server's warm
 * watch so rows show before any script runs. The live stream's snapshot replaces it.
 * Pure and isomorphic: the server builds it, the browser filters it while it waits.
 */

/** Rows in the HTML: a tall screen's worth plus the list's overscan, no more (the rest is streamed). */
export const FIRST_SCREEN_ROWS = 60;

export interface FirstScreen {
  /** The first rows in view order (the URL's filters and sort applied). */
  rows: LiveSummary[];
  /** How many services the view's filters match in all. */
  matched: number;
  /** Totals over every service of the datacenter. */
  totals: StatusTotals;
}

export function firstScreen(
  services: LiveSummary[],
  view: Pick<OverviewParams, "q" | "status" | "tag" | "sort">,
  limit = FIRST_SCREEN_ROWS,
): FirstScreen {
  const matching = filterAndSort(services, view);
  return { rows: matching.slice(0, limit), matched: matching.length, totals: statusTotals(services) };
}
