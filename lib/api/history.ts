import { z } from "zod";
import { ServiceStatusSchema, StatusCountsSchema } from "./overview";

/** Contract of OUR /api/history JSON (`?dc=&service=`), shared by the route and the charts. */

export const CountPointSchema = z
  .object({
    /** Start of the minute, ms since the epoch. */
    t: z.number().int(),
  })
  .extend(StatusCountsSchema.shape);
export type CountPoint = z.infer<typeof CountPointSchema>;

export const StatusPointSchema = z.object({ t: z.number().int(), status: ServiceStatusSchema });
export type StatusPoint = z.infer<typeof StatusPointSchema>;

export const HistorySchema = z.object({
  dc: z.string().nullable(),
  /** Resolution of the series. */
  stepMs: z.number().int(),
  /** How far back the server keeps history. */
  windowMs: z.number().int(),
  /** OK/DEGRADED/DOWN counts of the datacenter per minute, oldest first. */
  totals: z.array(CountPointSchema),
  /** The service's worst status per minute, when `?service=` was asked. */
  service: z.object({ name: z.string(), points: z.array(StatusPointSchema) }).nullable(),
});
export type History = z.infer<typeof HistorySchema>;
