import "server-only";
import { z } from "zod";
import type { ServiceCount } from "@/lib/health/provisional";
import type { HealthCheck } from "@/lib/health/types";
import type { ConsulClient, ReadOptions } from "./client";
import { isConsulError } from "./errors";
import { consulPath } from "./paths";
import { toHealthCheck } from "./reshape";
import { ConsulHealthChecks } from "./schemas";
import { NOT_PASSING_FILTER } from "./watch-queries";

/**
 * Consul UI's per-service summaries (`/v1/internal/ui/services`): instance counts and the
 * nodes each service runs on, without instances or checks. Undocumented: only the fields
 * used are checked, and a missing or changed endpoint is answered with `undefined`.
 */
const ConsulUiServiceSummaries = z.array(
  z.object({
    Name: z.string(),
    Tags: z.array(z.string()).nullish(),
    Nodes: z.array(z.string()).nullish(),
    InstanceCount: z.number().int().nonnegative(),
  }),
);

/** Per-service instance counts of a datacenter, or undefined when Consul's UI endpoint is missing or changed. */
export async function readServiceCounts(client: ConsulClient, opts: ReadOptions = {}): Promise<ServiceCount[] | undefined> {
  try {
    const { data } = await client.getJson(consulPath("internal", "ui", "services"), ConsulUiServiceSummaries, { stale: true, ...opts });
    return data.map((s) => ({ name: s.Name, tags: s.Tags ?? [], nodes: s.Nodes ?? [], instances: s.InstanceCount }));
  } catch (err) {
    if (isConsulError(err) && (err.kind === "parse" || (err.kind === "http" && err.status === 404))) return undefined;
    throw err;
  }
}

/** Every non-passing check of a datacenter, read once (the watch reads the same with a blocking query). */
export async function readNonPassingChecks(client: ConsulClient, opts: ReadOptions = {}): Promise<HealthCheck[]> {
  const { data } = await client.getJson(consulPath("health", "state", "any"), ConsulHealthChecks, {
    stale: true,
    ...opts,
    query: { filter: NOT_PASSING_FILTER },
  });
  return data.map(toHealthCheck);
}
