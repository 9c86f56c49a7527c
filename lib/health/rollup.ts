import type { Overview } from "@/lib/api/overview";
import type {
  HealthCheck,
  InstanceHealth,
  InstanceProblem,
  ServiceHealth,
  ServiceInstance,
  ServiceStatus,
} from "./types";

const NODE_MAINTENANCE_CHECK = "_node_maintenance";
const SERVICE_MAINTENANCE_PREFIX = "_service_maintenance:";

export function isMaintenanceCheck(checkId: string): boolean {
  return checkId === NODE_MAINTENANCE_CHECK || checkId.startsWith(SERVICE_MAINTENANCE_PREFIX);
}

/** OK when every instance is healthy, DOWN when none is, DEGRADED otherwise. */
export function serviceStatus(healthy: number, total: number): ServiceStatus {
  // A service with no instances cannot serve anything: DOWN, as `?passing` would return nothing.
  if (healthy === 0) return "DOWN";
  return healthy === total ? "OK" : "DEGRADED";
}

function toProblem(check: HealthCheck): InstanceProblem | null {
  if (check.status === "passing") return null;
  return {
    checkId: check.checkId,
    name: check.name,
    status: check.status,
    nodeLevel: check.serviceId === "",
    maintenance: isMaintenanceCheck(check.checkId),
    output: check.output,
    notes: check.notes,
  };
}

const NO_CHECKS = Object.freeze([]) as unknown as HealthCheck[];

/** Health of one instance from the checks that apply to it (its node's and its own). */
export function instanceHealth(instance: ServiceInstance, nodeChecks: HealthCheck[], serviceChecks: HealthCheck[]): InstanceHealth {
  // Most instances of the overview's rollup have no check on record (only non-passing ones are read): one shared empty list.
  const checks = nodeChecks.length + serviceChecks.length === 0 ? NO_CHECKS : [...nodeChecks, ...serviceChecks];
  const problems = checks.map(toProblem).filter((p): p is InstanceProblem => p !== null);
  const maint = problems.find((p) => p.maintenance && p.status === "critical");
  return {
    instance,
    // Warning is not healthy; an instance without checks is healthy (as Consul treats it).
    healthy: problems.length === 0,
    maintenance: maint ? { scope: maint.nodeLevel ? "node" : "service", reason: maint.notes } : null,
    problems,
    checks,
  };
}

/**
 * The health rollup: instances and every check in the datacenter → per service
 * healthy/total instances and status, per instance the reasons it is unhealthy.
 * Checks are matched to instances by (node, serviceId); node-level checks
 * (empty serviceId) apply to every instance on their node.
 */
export function rollup(instances: ServiceInstance[], checks: HealthCheck[]): ServiceHealth[] {
  const nodeChecks = new Map<string, HealthCheck[]>();
  const serviceChecks = new Map<string, HealthCheck[]>();
  for (const check of checks) {
    if (check.serviceId === "") push(nodeChecks, check.node, check);
    else push(serviceChecks, instanceKey(check.node, check.serviceId), check);
  }

  const byService = new Map<string, InstanceHealth[]>();
  for (const inst of instances) {
    const health = instanceHealth(
      inst,
      nodeChecks.get(inst.node) ?? [],
      serviceChecks.get(instanceKey(inst.node, inst.id)) ?? [],
    );
    push(byService, inst.service, health);
  }

  const result: ServiceHealth[] = [];
  for (const [name, list] of byService) result.push(serviceHealth(name, list));
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** One service's rollup from its instances' health (sorts `list` in place by node, then ID). */
export function serviceHealth(name: string, list: InstanceHealth[]): ServiceHealth {
  list.sort((a, b) => a.instance.node.localeCompare(b.instance.node) || a.instance.id.localeCompare(b.instance.id));
  const healthy = list.filter((i) => i.healthy).length;
  const tags = new Set<string>();
  const failing = new Map<string, number>();
  for (const i of list) {
    for (const t of i.instance.tags) tags.add(t);
    for (const p of i.problems) failing.set(p.name, (failing.get(p.name) ?? 0) + 1);
  }
  return {
    name,
    tags: [...tags].sort(),
    healthy,
    total: list.length,
    status: serviceStatus(healthy, list.length),
    inMaintenance: list.filter((i) => i.maintenance).length,
    failingChecks: [...failing.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n),
    instances: list,
  };
}

const STATUS_RANK: Record<ServiceStatus, number> = { DOWN: 0, DEGRADED: 1, OK: 2 };

/** Problems first (DOWN, DEGRADED, OK), then by name: a stable order for lists and the wall. */
export function compareByProblemFirst(a: Pick<ServiceHealth, "status" | "name">, b: Pick<ServiceHealth, "status" | "name">): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.name.localeCompare(b.name);
}

export type StatusTotals = Overview["totals"];

export function statusTotals(services: Pick<ServiceHealth, "status">[]): StatusTotals {
  const totals: StatusTotals = { services: services.length, OK: 0, DEGRADED: 0, DOWN: 0 };
  for (const s of services) totals[s.status] += 1;
  return totals;
}

export function instanceKey(node: string, serviceId: string): string {
  return `${node}\u0000${serviceId}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
