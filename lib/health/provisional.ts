import type { LiveSummary } from "@/lib/api/live";
import { isMaintenanceCheck, serviceStatus } from "./rollup";
import type { HealthCheck } from "./types";

/**
 * A provisional overview for the first screen of a watch that has not finished its first
 * full read: per-service instance counts (Consul's `/v1/internal/ui/services`) plus the
 * non-passing checks. Pure; the full rollup replaces it as soon as the watch has data.
 */

/** One service as Consul's service list counts it. */
export interface ServiceCount {
  name: string;
  tags: string[];
  /** Nodes the service has instances on. */
  nodes: string[];
  instances: number;
}

/**
 * Healthy/total per service by the product's rule. Exact for failing service checks
 * (counted per instance). A failing node check makes the service's instances on that node
 * unhealthy; the counts do not say how many instances a node holds, so it counts one per
 * node: a lower bound on the unhealthy, corrected by the full read a moment later.
 */
export function provisionalSummaries(services: ServiceCount[], nonPassing: HealthCheck[], at: string): LiveSummary[] {
  const badNodes = new Map<string, HealthCheck[]>();
  const badInstances = new Map<string, Map<string, HealthCheck[]>>();
  for (const c of nonPassing) {
    if (c.status === "passing") continue;
    if (!c.serviceId) {
      badNodes.set(c.node, [...(badNodes.get(c.node) ?? []), c]);
      continue;
    }
    const byInstance = badInstances.get(c.serviceName) ?? new Map<string, HealthCheck[]>();
    const key = `${c.node}\u0000${c.serviceId}`;
    byInstance.set(key, [...(byInstance.get(key) ?? []), c]);
    badInstances.set(c.serviceName, byInstance);
  }
  return services.map((s) => {
    const failing = new Map<string, number>();
    const note = (c: HealthCheck) => failing.set(c.name, (failing.get(c.name) ?? 0) + 1);
    let unhealthy = 0;
    let inMaintenance = 0;
    const covered = new Set<string>();
    for (const [key, checks] of badInstances.get(s.name) ?? []) {
      unhealthy++;
      covered.add(key.split("\u0000")[0] ?? "");
      checks.forEach(note);
      if (checks.some((c) => isMaintenanceCheck(c.checkId))) inMaintenance++;
    }
    for (const node of s.nodes) {
      const checks = badNodes.get(node);
      if (!checks) continue;
      // An instance already counted for its own failing check is not counted twice.
      if (!covered.has(node)) unhealthy++;
      checks.forEach(note);
      if (checks.some((c) => isMaintenanceCheck(c.checkId)) && !covered.has(node)) inMaintenance++;
    }
    const total = s.instances;
    const healthy = Math.max(0, total - unhealthy);
    return {
      name: s.name,
      tags: [...s.tags].sort(),
      healthy,
      total,
      status: serviceStatus(healthy, total),
      inMaintenance,
      failingChecks: [...failing.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n),
      since: at,
      sinceExact: false,
    };
  });
}
