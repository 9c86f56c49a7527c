import { queryOptions, skipToken } from "@tanstack/react-query";
import type { ClusterHealth, Estate } from "@/lib/api/estate";
import type { WatchState } from "@/lib/api/live";
import { NodeDetailSchema } from "@/lib/api/nodes";
import type { NodesData } from "@/lib/health/node-view";
import { apiUrl, callApi } from "@/components/data/call-api";
import type { ConnectionState } from "@/components/health/queries";

// Filled by the streams (skipToken), never stale by timer.
const live = { queryFn: skipToken, staleTime: Infinity, gcTime: Infinity, structuralSharing: false } as const;

/** The estate's and the nodes' queries: the streams write them, components read them. */
export const estateQueries = {
  estate: () => queryOptions<Estate>({ queryKey: ["estate", "all"], ...live }),
  nodes: (dc: string | undefined) => queryOptions<NodesData>({ queryKey: ["estate", "nodes", dc ?? ""], ...live }),
  nodesState: (dc: string | undefined) => queryOptions<WatchState>({ queryKey: ["estate", "nodes-state", dc ?? ""], ...live }),
  cluster: (dc: string | undefined) => queryOptions<ClusterHealth>({ queryKey: ["estate", "cluster", dc ?? ""], ...live }),
  connection: (stream: string) => queryOptions<ConnectionState>({ queryKey: ["estate", "connection", stream], ...live }),
  /** One node in full; read again every few seconds (the server shares its Consul reads between screens). */
  node: (dc: string | undefined, name: string) =>
    queryOptions({
      queryKey: ["estate", "node", dc ?? "", name],
      queryFn: () => callApi(apiUrl(`/api/nodes/${encodeURIComponent(name)}`, { dc }), NodeDetailSchema),
      refetchInterval: 5_000,
      retry: false,
    }),
};
