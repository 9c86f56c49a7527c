/**
 * Domain types for service health. Isomorphic: used by the server and the browser.
 * Where a type is also part of our API, it is derived from the zod contract in lib/api.
 */
import type { HealthCheck, InstanceDetail } from "@/lib/api/live";
import type { ServiceSummary } from "@/lib/api/overview";

export type { HealthCheck } from "@/lib/api/live";
export type { ServiceStatus } from "@/lib/api/overview";

export type CheckStatus = HealthCheck["status"];

/** One registered instance: the identity fields of the API's instance detail, and its service's name. */
export type ServiceInstance = Pick<InstanceDetail, "node" | "id" | "address" | "port" | "tags" | "meta"> & { service: string };

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
  maintenance: InstanceDetail["maintenance"];
  /** Every check applying to the instance that is not passing. Empty when healthy. */
  problems: InstanceProblem[];
  /** Every check applying to the instance: node checks first, then service checks. */
  checks: HealthCheck[];
}

/** A service's rollup: its summary (tags are the union of the instances', sorted) and every instance. */
export interface ServiceHealth extends ServiceSummary {
  instances: InstanceHealth[];
}
