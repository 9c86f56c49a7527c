"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { WatchStateSchema } from "@/lib/api/live";
import { NodesDeltaSchema, NodesSnapshotSchema } from "@/lib/api/nodes";
import { applyNodesDelta, applyNodesSnapshot } from "@/lib/health/node-view";
import { apiUrl } from "@/components/data/call-api";
import { estateQueries } from "@/components/estate/queries";
import { on, useEventStream } from "@/components/estate/use-event-stream";

/** Every node of a datacenter, live (`/api/events?scope=nodes&dc=`). */
export function useNodes(dc: string | undefined) {
  const qc = useQueryClient();
  const stream = `nodes:${dc ?? ""}`;
  useEventStream(stream, apiUrl("/api/events", { scope: "nodes", dc }), {
    state: on(WatchStateSchema, (s) => qc.setQueryData(estateQueries.nodesState(dc).queryKey, s)),
    nodes: on(NodesSnapshotSchema, (snap) => {
      qc.setQueryData(estateQueries.nodesState(dc).queryKey, snap.state);
      qc.setQueryData(estateQueries.nodes(dc).queryKey, applyNodesSnapshot(snap));
    }),
    "nodes-delta": on(NodesDeltaSchema, (d) => qc.setQueryData(estateQueries.nodes(dc).queryKey, (prev) => applyNodesDelta(prev, d))),
  });
  return {
    data: useQuery(estateQueries.nodes(dc)).data,
    watch: useQuery(estateQueries.nodesState(dc)).data,
    conn: useQuery(estateQueries.connection(stream)).data,
  };
}
