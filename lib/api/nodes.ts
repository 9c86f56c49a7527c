import { z } from "zod";
import { HealthCheckSchema, InstanceDetailSchema, WatchStateSchema } from "./live";

/** Contract of OUR node views: the `nodes` scope of /api/events and /api/nodes/<name>. */

/** A node's own health: the worst of its node-level checks; maintenance when `_node_maintenance` is on. */
export const NodeStatusSchema = z.enum(["passing", "warning", "critical", "maintenance"]);
export type NodeStatus = z.infer<typeof NodeStatusSchema>;
export const NODE_STATUSES = NodeStatusSchema.options;

export const NodeSummarySchema = z.object({
  name: z.string(),
  /** The node's address as registered; "" when the membership read did not carry it. */
  address: z.string(),
  status: NodeStatusSchema,
  /** Names of the node-level checks that are not passing. */
  failingChecks: z.array(z.string()),
  /** Service instances registered on the node. */
  instances: z.number().int(),
  /** Of those, how many are not healthy (a failing node check makes every one unhealthy). */
  unhealthy: z.number().int(),
  /** Names of the services with an instance here, sorted. */
  services: z.array(z.string()),
});
export type NodeSummary = z.infer<typeof NodeSummarySchema>;

/** `nodes` event: every node of the datacenter (sent first, and after a reconnect). */
export const NodesSnapshotSchema = z.object({
  dc: z.string().nullable(),
  state: WatchStateSchema,
  nodes: z.array(NodeSummarySchema),
});
export type NodesSnapshot = z.infer<typeof NodesSnapshotSchema>;

/** `nodes-delta` event: only the nodes that changed or went. */
export const NodesDeltaSchema = z.object({
  changed: z.array(NodeSummarySchema),
  removed: z.array(z.string()),
});
export type NodesDelta = z.infer<typeof NodesDeltaSchema>;

/** A service's loss if the node failed (every instance on it unhealthy). */
export const ServiceImpactSchema = z.object({
  service: z.string(),
  healthy: z.number().int(),
  total: z.number().int(),
  /** Healthy instances of the service on this node. */
  healthyHere: z.number().int(),
  /** Healthy instances left elsewhere if the node failed. */
  healthyAfter: z.number().int(),
});
export type ServiceImpact = z.infer<typeof ServiceImpactSchema>;

export const SessionSchema = z.object({ id: z.string(), name: z.string(), behavior: z.string(), ttl: z.string() });

/** GET /api/nodes/<name>?dc=: one node in full. */
export const NodeDetailSchema = z.object({
  dc: z.string().nullable(),
  summary: NodeSummarySchema,
  meta: z.record(z.string(), z.string()),
  /** Every node-level check (passing too), output as plain text. */
  checks: z.array(HealthCheckSchema),
  instances: z.array(InstanceDetailSchema.extend({ service: z.string() })),
  sessions: z.array(SessionSchema),
  /** Services whose healthy count drops if this node fails, and those left with no healthy instance. */
  takesDown: z.object({ degraded: z.array(ServiceImpactSchema), down: z.array(ServiceImpactSchema) }),
  filteredByAcls: z.boolean(),
});
export type NodeDetail = z.infer<typeof NodeDetailSchema>;
