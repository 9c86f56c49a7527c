import { z } from "zod";

/** Contract of OUR /api/version JSON. */
export const VersionSchema = z.object({ buildId: z.string().min(1) });
export type Version = z.infer<typeof VersionSchema>;
