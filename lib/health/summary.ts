import type { ServiceSummary } from "@/lib/api/overview";
import type { ServiceHealth } from "./types";

type SummaryFields = Pick<ServiceHealth, "name" | "tags" | "healthy" | "total" | "status" | "inMaintenance" | "failingChecks">;

/** A service's rollup without its instances: what lists and the wall show. */
export function toServiceSummary(s: SummaryFields): ServiceSummary {
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
