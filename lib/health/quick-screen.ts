import type { LiveSummary } from "@/lib/api/live";
import { FIRST_SCREEN_ROWS, type FirstScreen } from "./first-screen";
import { statusTotals } from "./rollup";
import type { HealthCheck } from "./types";
import { filterAndSort, type OverviewParams } from "./view";

/**
 * The overview's first screen before any whole-datacenter summary has arrived: Consul's list
 * of service names, the non-passing checks, and a read of only the services the screen needs.
 *
 * A service none of whose checks is failing is OK whatever its instance count, so the
 * non-passing checks give every service's status; only the services with a problem (for
 * DEGRADED or DOWN and their counts) and the rows the screen shows (for their counts) are read
 * one by one. Exact, not an estimate. Pure and isomorphic; the server does the reads.
 */

/** One service as Consul's name list shows it. */
export interface NamedService {
  name: string;
  tags: string[];
}

export interface QuickBase {
  services: NamedService[];
  /** Services with at least one non-passing check of their own. */
  problems: Set<string>;
}

/**
 * The base of a quick first screen, or undefined when a node's own check is failing: which
 * services run on that node the name list does not say (the provisional read's counts do).
 */
export function quickBase(catalog: Record<string, string[]>, nonPassing: HealthCheck[]): QuickBase | undefined {
  const problems = new Set<string>();
  for (const c of nonPassing) {
    if (c.status === "passing") continue;
    if (!c.serviceId) return undefined;
    problems.add(c.serviceName);
  }
  const services = Object.entries(catalog).map(([name, tags]) => ({ name, tags: [...tags].sort() }));
  return { services, problems };
}

export type QuickPlan =
  /** The screen, every row read. */
  | { screen: FirstScreen; missing?: undefined }
  /** Services to read before the screen can be built (then plan again). */
  | { screen?: undefined; missing: string[] };

/** A stand-in for a service without a failing check, until it is read: only its status is known. */
function unread(s: NamedService): LiveSummary {
  return { name: s.name, tags: s.tags, healthy: 0, total: 0, status: "OK", inMaintenance: 0, failingChecks: [], since: "", sinceExact: false };
}

/**
 * What the view's first screen still needs read, or the screen once it has it: first every
 * service with a problem (it decides the order and the totals), then the first rows. Undefined
 * for a view this cannot serve: sorting by instance count needs every service's count.
 */
export function quickPlan(
  base: QuickBase,
  /** Rows read so far; null for a service read and gone (no instance left). */
  read: ReadonlyMap<string, LiveSummary | null>,
  view: Pick<OverviewParams, "q" | "status" | "tag" | "sort">,
  limit = FIRST_SCREEN_ROWS,
): QuickPlan | undefined {
  if (view.sort === "instances") return undefined;
  const problems = [...base.problems].filter((name) => !read.has(name));
  if (problems.length) return { missing: problems.sort() };
  // A name listed but not read is OK; a service read and gone (no instances left) is left out.
  const rows: LiveSummary[] = [];
  for (const s of base.services) {
    if (!read.has(s.name)) rows.push(unread(s));
    else {
      const row = read.get(s.name);
      if (row) rows.push(row);
    }
  }
  const matching = filterAndSort(rows, view);
  const first = matching.slice(0, limit);
  const missing = first.filter((r) => !read.has(r.name)).map((r) => r.name);
  if (missing.length) return { missing };
  return { screen: { rows: first, matched: matching.length, totals: statusTotals(rows) } };
}
