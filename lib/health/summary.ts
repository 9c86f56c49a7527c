import type { ServiceSummary } from "@/lib/api/overview";

/** A service's rollup without its instances: what lists and the wall show. */
export function toServiceSummary(s: ServiceSummary): ServiceSummary {
  return {
    name: s.name,
    tags: s.tags,
    healthy: s.healthy,
    total: s.total,
    status: s.status,
    inMaintenance: s.inMaintenance,
    failingChecks: s.failingChecks,
  };
}
