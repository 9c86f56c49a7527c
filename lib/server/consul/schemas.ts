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

/** GET /v1/catalog/nodes */
export const ConsulNodes = z.array(ConsulNode);

/** GET /v1/health/state/any */
export const ConsulHealthChecks = z.array(ConsulHealthCheck);

/** GET /v1/catalog/service/<name>: only whether it lists anything is read. */
export const ConsulCatalogService = z.array(z.unknown());

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

/*
 * KV, sessions and ACL tokens: read losslessly, so Flags and indexes (uint64) are
 * decimal strings (JSON.parse would round Flags above 2^53).
 */
const u64 = z.string().regex(/^\d+$/);

/** GET /v1/kv/<key> */
export const ConsulKvPair = z.object({
  Key: z.string(),
  Value: z.string().nullish(),
  Flags: u64,
  CreateIndex: u64,
  ModifyIndex: u64,
  LockIndex: u64,
  Session: z.string().nullish(),
});
export type ConsulKvPair = z.output<typeof ConsulKvPair>;

export const ConsulKvPairs = z.array(ConsulKvPair);

/** GET /v1/kv/<prefix>?keys */
export const ConsulKeyList = z.array(z.string());

/** PUT /v1/txn, both its 200 and its 409 answer. */
export const ConsulTxnAnswer = z.object({
  Results: z.array(z.object({ KV: ConsulKvPair.nullish() }).passthrough()).nullish(),
  Errors: z.array(z.object({ OpIndex: z.string(), What: z.string() })).nullish(),
});

/** GET /v1/session/info/<id> */
export const ConsulSessionInfo = z.array(z.object({ ID: z.string(), Name: z.string(), Node: z.string() }).passthrough());

/** GET /v1/acl/token/self */
/** /v1/internal/acl/authorize (undocumented): the checks sent, each with `Allow`. */
export const ConsulAuthorizeAnswer = z.array(z.object({ Resource: z.string(), Access: z.string(), Allow: z.boolean() }).passthrough());

export const ConsulTokenSelf = z.object({ AccessorID: z.string(), Description: z.string().nullish() }).passthrough();
