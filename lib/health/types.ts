/** Domain types for service health. Isomorphic: used by the server and the browser. */

export type CheckStatus = "passing" | "warning" | "critical";
export type ServiceStatus = "OK" | "DEGRADED" | "DOWN";

export interface HealthCheck {
  node: string;
  checkId: string;
  name: string;
  status: CheckStatus;
  /** Empty for a node-level check (e.g. serfHealth), which applies to every instance on the node. */
  serviceId: string;
  serviceName: string;
  type: string;
  output: string;
  notes: string;
}

export interface ServiceInstance {
  node: string;
  /** Service ID, unique per node (two instances of one service on one node differ here). */
  id: string;
  service: string;
  address: string;
  port: number;
  tags: string[];
  meta: Record<string, string>;
}

export interface InstanceProblem {
  checkId: string;
  name: string;
  status: Exclude<CheckStatus, "passing">;
  nodeLevel: boolean;
  /** The check is Consul's maintenance-mode check (service or node). */
  maintenance: boolean;
  output: string;
  notes: string;
}

export interface InstanceHealth {
  instance: ServiceInstance;
  healthy: boolean;
  /** Set when the instance or its node is in maintenance mode; the reason as given, may be empty. */
  maintenance: { scope: "service" | "node"; reason: string } | null;
  /** Every check applying to the instance that is not passing. Empty when healthy. */
  problems: InstanceProblem[];
  /** Every check applying to the instance: node checks first, then service checks. */
  checks: HealthCheck[];
}

export interface ServiceHealth {
  name: string;
  /** Union of the instances' tags, sorted. */
  tags: string[];
  healthy: number;
  total: number;
  status: ServiceStatus;
  /** Instances in maintenance mode. */
  inMaintenance: number;
  /** Names of the non-passing checks across instances, most frequent first. */
  failingChecks: string[];
  instances: InstanceHealth[];
}
