import { z } from "zod";
import { LiveSummarySchema, WatchStateSchema } from "./live";
import { StatusCountsSchema } from "./overview";

/** Contract of OUR estate view: every datacenter at once (`/api/events?scope=datacenters`, event `estate`). */

export const RaftServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  leader: z.boolean(),
  voter: z.boolean(),
  healthy: z.boolean().nullable(),
  serfStatus: z.string().nullable(),
  lastContact: z.string().nullable(),
  version: z.string().nullable(),
});
export type RaftServerView = z.infer<typeof RaftServerSchema>;

/** Consul's own health in one datacenter, read on a slow shared timer. */
export const ClusterHealthSchema = z.object({
  /** pending: not read yet; forbidden: the token lacks operator:read; error: Consul failed to answer. */
  status: z.enum(["pending", "healthy", "unhealthy", "forbidden", "error"]),
  checkedAt: z.string().nullable(),
  healthy: z.boolean().nullable(),
  failureTolerance: z.number().int().nullable(),
  leader: z.string().nullable(),
  servers: z.array(RaftServerSchema),
  /** Why it cannot be shown (Consul's words and the permission needed); null otherwise. */
  message: z.string().nullable(),
});
export type ClusterHealth = z.infer<typeof ClusterHealthSchema>;

export const DatacenterRowSchema = z.object({
  name: z.string(),
  /** The shared watch's state: live, unreachable (with why), no leader, forbidden, … */
  state: WatchStateSchema,
  /** False until the watch's first answer. */
  ready: z.boolean(),
  totals: z.object({ services: z.number().int() }).extend(StatusCountsSchema.shape),
  nodes: z.number().int(),
  /** Nodes whose own checks are not passing (critical, warning or maintenance), worst first, at most 20. */
  failingNodes: z.array(z.string()),
  failingNodeCount: z.number().int(),
  cluster: ClusterHealthSchema,
});
export type DatacenterRow = z.infer<typeof DatacenterRowSchema>;

export const EstateProblemSchema = LiveSummarySchema.extend({ dc: z.string() });
export type EstateProblem = z.infer<typeof EstateProblemSchema>;

export const EstateSchema = z.object({
  at: z.string(),
  /** Nearest first, as Consul lists them. */
  datacenters: z.array(DatacenterRowSchema),
  /** Every DOWN or DEGRADED service of every datacenter, worst first. */
  problems: z.array(EstateProblemSchema),
  /** Set when the datacenter list itself could not be read (the rows are then the last known ones). */
  listProblem: z.string().nullable(),
});
export type Estate = z.infer<typeof EstateSchema>;
