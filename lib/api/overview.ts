import { z } from "zod";

/** Contract of OUR /api/services JSON, shared by the route and the browser. */

/** The one list of service statuses, healthiest first. */
export const ServiceStatusSchema = z.enum(["OK", "DEGRADED", "DOWN"]);
export type ServiceStatus = z.output<typeof ServiceStatusSchema>;
export const SERVICE_STATUSES = ServiceStatusSchema.options;

const count = z.number().int();
/** A count per status: `{ OK, DEGRADED, DOWN }`. */
export const StatusCountsSchema = z.object(
  Object.fromEntries(SERVICE_STATUSES.map((s) => [s, count])) as Record<ServiceStatus, typeof count>,
);

export const ServiceSummarySchema = z.object({
  name: z.string(),
  tags: z.array(z.string()),
  healthy: z.number().int(),
  total: z.number().int(),
  status: ServiceStatusSchema,
  inMaintenance: z.number().int(),
  failingChecks: z.array(z.string()),
});
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>;

export const OverviewSchema = z.object({
  datacenter: z.string().nullable(),
  fetchedAt: z.string(),
  knownLeader: z.boolean().nullable(),
  lastContactMs: z.number().nullable(),
  source: z.enum(["ui-nodes", "public"]),
  totals: z.object({ services: z.number().int() }).extend(StatusCountsSchema.shape),
  services: z.array(ServiceSummarySchema),
});
export type Overview = z.infer<typeof OverviewSchema>;
