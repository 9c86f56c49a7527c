import { z } from "zod";
import { ServiceStatusSchema, ServiceSummarySchema } from "./overview";

/**
 * Contract of OUR live event stream (/api/events, Server-Sent Events), shared by
 * the route and the browser. Each SSE `event:` name has one schema below.
 */

export const WatchStatusSchema = z.enum(["starting", "live", "unreachable", "no-leader", "forbidden", "error"]);
export type WatchStatus = z.infer<typeof WatchStatusSchema>;

/** What the server's watch of one datacenter knows about its own freshness. */
export const WatchStateSchema = z.object({
  status: WatchStatusSchema,
  /** ISO time this status began. */
  since: z.string(),
  /** Consul's words for the failure, verbatim; null when live. */
  message: z.string().nullable(),
  /** ISO time of the last good answer from Consul; null before the first. */
  lastUpdate: z.string().nullable(),
  lastContactMs: z.number().nullable(),
  source: z.enum(["ui-nodes", "public"]).nullable(),
  /** Consul left out what the dashboard's token may not see (X-Consul-Results-Filtered-By-ACLs). */
  filteredByAcls: z.boolean().default(false),
});
export type WatchState = z.infer<typeof WatchStateSchema>;

export const LiveSummarySchema = ServiceSummarySchema.extend({
  /** ISO time the service entered its current status. */
  since: z.string(),
  /** False when the status was already so when the dashboard first saw it (since = first seen). */
  sinceExact: z.boolean(),
});
export type LiveSummary = z.infer<typeof LiveSummarySchema>;

export const InstanceStateSchema = z.enum(["healthy", "warning", "critical", "maintenance"]);
export type InstanceState = z.infer<typeof InstanceStateSchema>;

export const TransitionSchema = z.object({
  /** Monotonic id, so a client can merge feeds without duplicates. */
  seq: z.number().int(),
  at: z.string(),
  service: z.string(),
  /** Set for an instance transition; null for the service's own status. */
  instance: z.object({ node: z.string(), id: z.string() }).nullable(),
  from: z.union([ServiceStatusSchema, InstanceStateSchema]).nullable(),
  to: z.union([ServiceStatusSchema, InstanceStateSchema, z.literal("removed")]),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const HealthCheckSchema = z.object({
  node: z.string(),
  checkId: z.string(),
  name: z.string(),
  status: z.enum(["passing", "warning", "critical"]),
  /** Empty for a node-level check (e.g. serfHealth), which applies to every instance on the node. */
  serviceId: z.string(),
  serviceName: z.string(),
  type: z.string(),
  output: z.string(),
  notes: z.string(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export const InstanceDetailSchema = z.object({
  node: z.string(),
  /** Service ID, unique per node (two instances of one service on one node differ here). */
  id: z.string(),
  address: z.string(),
  port: z.number().int(),
  tags: z.array(z.string()),
  meta: z.record(z.string(), z.string()),
  healthy: z.boolean(),
  state: InstanceStateSchema,
  maintenance: z.object({ scope: z.enum(["service", "node"]), reason: z.string() }).nullable(),
  checks: z.array(HealthCheckSchema),
});
export type InstanceDetail = z.infer<typeof InstanceDetailSchema>;

export const ServiceDetailSchema = LiveSummarySchema.extend({ instances: z.array(InstanceDetailSchema) });
export type ServiceDetail = z.infer<typeof ServiceDetailSchema>;

/** `snapshot` for the overview scope: every service, and the recent transitions. */
export const OverviewSnapshotSchema = z.object({
  dc: z.string().nullable(),
  state: WatchStateSchema,
  services: z.array(LiveSummarySchema),
  transitions: z.array(TransitionSchema),
});
export type OverviewSnapshot = z.infer<typeof OverviewSnapshotSchema>;

/** `delta` for the overview scope: only what changed since the previous event. */
export const OverviewDeltaSchema = z.object({
  changed: z.array(LiveSummarySchema),
  removed: z.array(z.string()),
  transitions: z.array(TransitionSchema),
});
export type OverviewDelta = z.infer<typeof OverviewDeltaSchema>;

/** `service` for the service scope: the whole service (null: not registered), sent when it changes. */
export const ServiceEventSchema = z.object({
  dc: z.string().nullable(),
  service: ServiceDetailSchema.nullable(),
  transitions: z.array(TransitionSchema),
});
export type ServiceEvent = z.infer<typeof ServiceEventSchema>;

export const DatacentersSchema = z.object({ datacenters: z.array(z.string()) });
export type Datacenters = z.infer<typeof DatacentersSchema>;

/** Seconds between heartbeat (`ping`) events on the stream. */
export const HEARTBEAT_SECONDS = 10;

/**
 * Heartbeats the browser may miss before it treats the stream as dropped: two, plus
 * half of one more so a heartbeat late by timer or proxy jitter is not a drop (25 s).
 */
export const SILENCE_HEARTBEATS = 2.5;
