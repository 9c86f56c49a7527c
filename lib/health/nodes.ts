import type { NodeStatus, NodeSummary, ServiceImpact } from "@/lib/api/nodes";
import { instanceKey, isMaintenanceCheck } from "./rollup";
import type { HealthCheck, ServiceInstance } from "./types";

/** A node as the membership read knows it. */
export interface NodeAddress {
  name: string;
  address: string;
}

const WORST: Record<NodeStatus, number> = { passing: 0, warning: 1, critical: 2, maintenance: 3 };

/** A node's own status from its non-passing node-level checks: maintenance wins, then critical, then warning. */
export function nodeStatus(nodeChecks: readonly Pick<HealthCheck, "checkId" | "status">[]): NodeStatus {
  let worst: NodeStatus = "passing";
  for (const c of nodeChecks) {
    const s: NodeStatus = c.status === "critical" && isMaintenanceCheck(c.checkId) ? "maintenance" : c.status;
    if (WORST[s] > WORST[worst]) worst = s;
  }
  return worst;
}

/**
 * The node rollup: every node with its own status, how many instances run on it and
 * how many of those are unhealthy, and its services. `checks` may hold only the
 * non-passing checks (what the datacenter watch keeps): a passing check changes
 * nothing here. Nodes that host instances but are missing from `nodes` (a reader that
 * does not list nodes) still appear, with an empty address. Sorted by name.
 */
export function nodeRollup(nodes: readonly NodeAddress[], instances: readonly ServiceInstance[], checks: readonly HealthCheck[]): NodeSummary[] {
  const nodeProblems = new Map<string, HealthCheck[]>();
  const badInstances = new Set<string>();
  for (const c of checks) {
    if (c.status === "passing") continue;
    if (c.serviceId === "") {
      const list = nodeProblems.get(c.node);
      if (list) list.push(c);
      else nodeProblems.set(c.node, [c]);
    } else badInstances.add(instanceKey(c.node, c.serviceId));
  }
  const acc = new Map<string, { address: string; instances: number; unhealthy: number; services: Set<string> }>();
  for (const n of nodes) acc.set(n.name, { address: n.address, instances: 0, unhealthy: 0, services: new Set() });
  for (const i of instances) {
    let a = acc.get(i.node);
    if (!a) acc.set(i.node, (a = { address: "", instances: 0, unhealthy: 0, services: new Set() }));
    a.instances++;
    a.services.add(i.service);
    if (nodeProblems.has(i.node) || badInstances.has(instanceKey(i.node, i.id))) a.unhealthy++;
  }
  const out: NodeSummary[] = [];
  for (const [name, a] of acc) {
    const problems = nodeProblems.get(name) ?? [];
    out.push({
      name,
      address: a.address,
      status: nodeStatus(problems),
      failingChecks: [...new Set(problems.map((c) => c.name))].sort(),
      instances: a.instances,
      unhealthy: a.unhealthy,
      services: [...a.services].sort(),
    });
  }
  return out.sort((x, y) => x.name.localeCompare(y.name));
}

/** One instance as "what this node takes down" needs it. */
export interface InstanceOnNode {
  service: string;
  node: string;
  healthy: boolean;
}

/**
 * What failing `node` would cost: for each service with a healthy instance on it, the
 * healthy count before and after. `degraded` keeps a healthy instance elsewhere; `down`
 * would have none left. `instances` must hold every instance of those services (on any
 * node). Services already without a healthy instance here lose nothing and are left out.
 */
export function nodeImpact(node: string, instances: readonly InstanceOnNode[]): { degraded: ServiceImpact[]; down: ServiceImpact[] } {
  const by = new Map<string, ServiceImpact>();
  for (const i of instances) {
    let s = by.get(i.service);
    if (!s) by.set(i.service, (s = { service: i.service, healthy: 0, total: 0, healthyHere: 0, healthyAfter: 0 }));
    s.total++;
    if (!i.healthy) continue;
    s.healthy++;
    if (i.node === node) s.healthyHere++;
    else s.healthyAfter++;
  }
  const hit = [...by.values()].filter((s) => s.healthyHere > 0).sort((a, b) => a.service.localeCompare(b.service));
  return { degraded: hit.filter((s) => s.healthyAfter > 0), down: hit.filter((s) => s.healthyAfter === 0) };
}
