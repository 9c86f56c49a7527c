import { compareByProblemFirst } from "./rollup";
import { SERVICE_STATUSES, type ServiceStatus } from "@/lib/api/overview";

/** Overview view state, kept in the URL (`?dc=&q=&status=&tag=&sort=`) so every view is a link. */

export const SORT_KEYS = ["problems", "name", "status", "instances"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface OverviewParams {
  dc: string | undefined;
  q: string;
  status: ServiceStatus | undefined;
  tag: string | undefined;
  sort: SortKey;
}

type ParamSource = { get(name: string): string | null };

/** Reads view state leniently: an unknown sort or status falls back to the default, never an error page. */
export function parseOverviewParams(sp: ParamSource): OverviewParams {
  const status = sp.get("status")?.toUpperCase();
  const sort = sp.get("sort");
  return {
    dc: sp.get("dc") || undefined,
    q: sp.get("q") ?? "",
    status: SERVICE_STATUSES.find((s) => s === status),
    tag: sp.get("tag") || undefined,
    sort: SORT_KEYS.find((k) => k === sort) ?? "problems",
  };
}

/** The query string for a view; defaults are left out so links stay short. */
export function overviewSearch(p: OverviewParams): string {
  const sp = new URLSearchParams();
  if (p.dc) sp.set("dc", p.dc);
  if (p.q) sp.set("q", p.q);
  if (p.status) sp.set("status", p.status);
  if (p.tag) sp.set("tag", p.tag);
  if (p.sort !== "problems") sp.set("sort", p.sort);
  const s = sp.toString();
  return s ? `?${s}` : "";
}

interface Row {
  name: string;
  tags: string[];
  status: ServiceStatus;
  total: number;
}

const RANK: Record<ServiceStatus, number> = { DOWN: 0, DEGRADED: 1, OK: 2 };

const COMPARE: Record<SortKey, (a: Row, b: Row) => number> = {
  problems: compareByProblemFirst,
  name: (a, b) => a.name.localeCompare(b.name),
  // Healthy first: the reverse of "problems", for checking what is fine.
  status: (a, b) => RANK[b.status] - RANK[a.status] || a.name.localeCompare(b.name),
  instances: (a, b) => b.total - a.total || a.name.localeCompare(b.name),
};

/** Text matches name or any tag (case-insensitive); status and tag match exactly. */
export function filterAndSort<T extends Row>(rows: Iterable<T>, p: Pick<OverviewParams, "q" | "status" | "tag" | "sort">): T[] {
  const q = p.q.trim().toLowerCase();
  const out: T[] = [];
  for (const r of rows) {
    if (p.status && r.status !== p.status) continue;
    if (p.tag && !r.tags.includes(p.tag)) continue;
    if (q && !r.name.toLowerCase().includes(q) && !r.tags.some((t) => t.toLowerCase().includes(q))) continue;
    out.push(r);
  }
  return out.sort(COMPARE[p.sort]);
}
