import { z } from "zod";

/** Contract of OUR /api/services JSON, shared by the route and the browser. */

export const ServiceStatusSchema = z.enum(["OK", "DEGRADED", "DOWN"]);

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
  totals: z.object({
    services: z.number().int(),
    OK: z.number().int(),
    DEGRADED: z.number().int(),
    DOWN: z.number().int(),
  }),
  services: z.array(ServiceSummarySchema),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({ kind: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
