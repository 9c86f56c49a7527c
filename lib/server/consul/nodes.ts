import "server-only";
import { z } from "zod";
import type { HealthCheck } from "@/lib/health/types";
import type { ConsulClient, ReadOptions } from "./client";
import { consulPath } from "./paths";
import { toHealthCheck } from "./reshape";
import { ConsulHealthChecks } from "./schemas";

const strMap = z
  .record(z.string(), z.string())
  .nullish()
  .transform((v) => v ?? {});

/** GET /v1/catalog/node/<node>: `null` for a node Consul does not know. */
const ConsulCatalogNode = z.object({ Node: z.object({ Node: z.string(), Address: z.string(), Meta: strMap }) }).passthrough().nullable();

/** GET /v1/session/node/<node> */
const ConsulNodeSessions = z.array(
  z.object({ ID: z.string(), Name: z.string().nullish(), Behavior: z.string().nullish(), TTL: z.string().nullish() }).passthrough(),
);

export interface NodeRecord {
  name: string;
  address: string;
  meta: Record<string, string>;
  /** Every node-level check, passing ones too (with output). */
  checks: HealthCheck[];
  sessions: { id: string; name: string; behavior: string; ttl: string }[];
  filteredByAcls: boolean;
}

/**
 * One node as Consul has it: address and meta, its checks (node-level only) and the
 * lock sessions it holds. Three small reads in parallel; `null` when Consul does not
 * know the node. `node` must have passed nameProblem (consulPath refuses dot segments).
 */
export async function readNode(client: ConsulClient, node: string, opts: ReadOptions = {}): Promise<NodeRecord | null> {
  const read = { ...opts, stale: true };
  const [catalog, checks, sessions] = await Promise.all([
    client.getJson(consulPath("catalog", "node", node), ConsulCatalogNode, read),
    client.getJson(consulPath("health", "node", node), ConsulHealthChecks, read),
    client.getJson(consulPath("session", "node", node), ConsulNodeSessions, read),
  ]);
  if (!catalog.data) return null;
  return {
    name: catalog.data.Node.Node,
    address: catalog.data.Node.Address,
    meta: catalog.data.Node.Meta,
    checks: checks.data.map(toHealthCheck).filter((c) => c.serviceId === ""),
    sessions: sessions.data.map((s) => ({ id: s.ID, name: s.Name ?? "", behavior: s.Behavior ?? "", ttl: s.TTL ?? "" })),
    filteredByAcls: catalog.meta.filteredByAcls || checks.meta.filteredByAcls || sessions.meta.filteredByAcls,
  };
}
