import { NODE_STATUSES, type NodeStatus, type NodeSummary, type NodesDelta, type NodesSnapshot } from "@/lib/api/nodes";

/** Nodes view state, kept in the URL (`/nodes?dc=&q=&status=&sort=`), so every view is a link. */

export const NODE_SORT_KEYS = ["problems", "name", "instances", "unhealthy"] as const;
export type NodeSortKey = (typeof NODE_SORT_KEYS)[number];

export interface NodesParams {
  dc: string | undefined;
  q: string;
  status: NodeStatus | undefined;
  sort: NodeSortKey;
}

type ParamSource = { get(name: string): string | null };

/** Lenient: an unknown status or sort falls back to the default. */
export function parseNodesParams(sp: ParamSource): NodesParams {
  const status = sp.get("status")?.toLowerCase();
  const sort = sp.get("sort");
  return {
    dc: sp.get("dc") || undefined,
    q: sp.get("q") ?? "",
    status: NODE_STATUSES.find((s) => s === status),
    sort: NODE_SORT_KEYS.find((k) => k === sort) ?? "problems",
  };
}

export function nodesSearch(p: NodesParams): string {
  const sp = new URLSearchParams();
  if (p.dc) sp.set("dc", p.dc);
  if (p.q) sp.set("q", p.q);
  if (p.status) sp.set("status", p.status);
  if (p.sort !== "problems") sp.set("sort", p.sort);
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** A node's place in "problems first": its own status, then whether instances on it are unhealthy. */
export function nodeRank(n: Pick<NodeSummary, "status" | "unhealthy">): number {
  switch (n.status) {
    case "critical":
      return 0;
    case "maintenance":
      return 1;
    case "warning":
      return 2;
    case "passing":
      return n.unhealthy > 0 ? 3 : 4;
  }
}

const COMPARE: Record<NodeSortKey, (a: NodeSummary, b: NodeSummary) => number> = {
  problems: (a, b) => nodeRank(a) - nodeRank(b) || b.unhealthy - a.unhealthy || a.name.localeCompare(b.name),
  name: (a, b) => a.name.localeCompare(b.name),
  instances: (a, b) => b.instances - a.instances || a.name.localeCompare(b.name),
  unhealthy: (a, b) => b.unhealthy - a.unhealthy || a.name.localeCompare(b.name),
};

/** Text matches the node's name, address or any service on it (case-insensitive); status matches exactly. */
export function filterAndSortNodes(nodes: Iterable<NodeSummary>, p: Pick<NodesParams, "q" | "status" | "sort">): NodeSummary[] {
  const q = p.q.trim().toLowerCase();
  const out: NodeSummary[] = [];
  for (const n of nodes) {
    if (p.status && n.status !== p.status) continue;
    if (q && !n.name.toLowerCase().includes(q) && !n.address.toLowerCase().includes(q) && !n.services.some((s) => s.toLowerCase().includes(q))) continue;
    out.push(n);
  }
  return out.sort(COMPARE[p.sort]);
}

/** What the browser holds for one datacenter's nodes. */
export interface NodesData {
  nodes: Record<string, NodeSummary>;
}

export function applyNodesSnapshot(snap: NodesSnapshot): NodesData {
  return { nodes: Object.fromEntries(snap.nodes.map((n) => [n.name, n])) };
}

/** Before the first snapshot there is nothing to change: the delta is dropped. */
export function applyNodesDelta(prev: NodesData | undefined, delta: NodesDelta): NodesData | undefined {
  if (!prev) return prev;
  const nodes = { ...prev.nodes };
  for (const n of delta.changed) nodes[n.name] = n;
  for (const n of delta.removed) delete nodes[n];
  return { nodes };
}
