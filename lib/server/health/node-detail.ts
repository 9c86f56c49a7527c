import "server-only";
import type { NodeDetail } from "@/lib/api/nodes";
import { nameProblem } from "@/lib/health/names";
import { nodeImpact, nodeStatus, type InstanceOnNode } from "@/lib/health/nodes";
import { getConsulClient } from "../consul";
import { readNode, type NodeRecord } from "../consul/nodes";
import { DomainError } from "../errors";
import { getWatchRegistry } from "../wiring";
import { nodeFeed } from "./node-feed";

/** One node's Consul reads are shared this long by every screen on it. */
const NODE_READ_TTL_MS = 5_000;
const MAX_CACHED = 256;
const cache = new Map<string, { at: number; record: Promise<NodeRecord | null> }>();

/** A name that cannot be a node the dashboard looks up: a 400 before any request to Consul. */
export function assertNodeName(name: string): void {
  const problem = nameProblem(name, "node");
  if (problem) throw new DomainError("bad_request", problem);
}

function readNodeShared(dc: string | undefined, name: string): Promise<NodeRecord | null> {
  const key = `${dc ?? ""}\u0000${name}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < NODE_READ_TTL_MS) return hit.record;
  const record = readNode(getConsulClient(), name, { dc });
  // A failure is not kept: the next screen asks again.
  record.catch(() => cache.delete(key));
  cache.delete(key);
  cache.set(key, { at: Date.now(), record });
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return record;
}

/**
 * One node: its checks with output, meta and lock sessions from Consul (read at most
 * every few seconds, shared), and its instances, their health and what failing it would
 * take down from the shared watch. `null` when Consul does not know the node.
 */
export async function getNodeDetail(dc: string | undefined, name: string): Promise<NodeDetail | null> {
  assertNodeName(name);
  const lease = getWatchRegistry().acquire(dc);
  try {
    const { watch } = lease;
    const [record] = await Promise.all([readNodeShared(dc, name), watch.waitForData(getConsulClient().timeoutMs)]);
    if (!record) return null;
    const summary = (watch.ready ? nodeFeed(watch).node(name) : undefined) ?? {
      name,
      address: record.address,
      status: nodeStatus(record.checks.filter((c) => c.status !== "passing")),
      failingChecks: record.checks.filter((c) => c.status !== "passing").map((c) => c.name),
      instances: 0,
      unhealthy: 0,
      services: [],
    };
    const instances: NodeDetail["instances"] = [];
    const all: InstanceOnNode[] = [];
    for (const service of summary.services) {
      const entry = watch.service(service);
      if (!entry) continue;
      for (const i of entry.detail.instances) {
        all.push({ service, node: i.node, healthy: i.healthy });
        if (i.node === name) instances.push({ ...i, service });
      }
    }
    return {
      dc: dc ?? null,
      summary: { ...summary, address: record.address || summary.address },
      meta: record.meta,
      checks: record.checks,
      instances,
      sessions: record.sessions,
      takesDown: nodeImpact(name, all),
      filteredByAcls: record.filteredByAcls || watch.state.filteredByAcls,
    };
  } finally {
    lease.release();
  }
}
