import "server-only";
import { z } from "zod";

/** Raw Consul JSON shapes, validated at the boundary. Consul sends null for empty lists and maps. */

const strList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);
const strMap = z
  .record(z.string(), z.string())
  .nullish()
  .transform((v) => v ?? {});

export const ConsulCheckStatus = z.enum(["passing", "warning", "critical"]);

export const ConsulHealthCheck = z.object({
  Node: z.string(),
  CheckID: z.string(),
  Name: z.string(),
  Status: ConsulCheckStatus,
  Notes: z.string().nullish(),
  Output: z.string().nullish(),
  ServiceID: z.string().nullish(),
  ServiceName: z.string().nullish(),
  Type: z.string().nullish(),
});
export type ConsulHealthCheck = z.output<typeof ConsulHealthCheck>;

export const ConsulAgentService = z.object({
  ID: z.string(),
  Service: z.string(),
  Tags: strList,
  Address: z.string().nullish(),
  Port: z.number().int().nullish(),
  Meta: strMap,
});
export type ConsulAgentService = z.output<typeof ConsulAgentService>;

export const ConsulNode = z.object({
  Node: z.string(),
  Address: z.string(),
});

/** GET /v1/health/service/<name> */
export const ConsulServiceEntries = z.array(
  z.object({
    Node: ConsulNode,
    Service: ConsulAgentService,
    Checks: z
      .array(ConsulHealthCheck)
      .nullish()
      .transform((v) => v ?? []),
  }),
);

/** GET /v1/internal/ui/nodes: undocumented, so validated strictly enough to fall back when it changes. */
export const ConsulUiNodes = z.array(
  ConsulNode.extend({
    Services: z
      .array(ConsulAgentService)
      .nullish()
      .transform((v) => v ?? []),
    Checks: z
      .array(ConsulHealthCheck)
      .nullish()
      .transform((v) => v ?? []),
  }),
);

/** GET /v1/catalog/services */
export const ConsulCatalogServices = z.record(z.string(), strList);

/** GET /v1/catalog/datacenters */
export const ConsulDatacenters = z.array(z.string());

/** GET /v1/status/leader: "" when there is none. */
export const ConsulLeader = z.string();

/**
 * GET /v1/internal/ui/nodes read for membership only: each node's services, its
 * checks left out (zod drops unknown keys), so no check definitions are kept.
 */
export const ConsulUiNodeServices = z.array(
  ConsulNode.extend({
    Services: z
      .array(ConsulAgentService)
      .nullish()
      .transform((v) => v ?? []),
  }),
);
