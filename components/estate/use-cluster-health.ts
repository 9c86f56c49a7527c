"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ClusterHealthSchema, type ClusterHealth } from "@/lib/api/estate";
import { apiUrl } from "@/components/data/call-api";
import { estateQueries } from "./queries";
import { on, useEventStream } from "./use-event-stream";

/** Consul's own health in one datacenter, live from the server's shared slow poll. */
export function useClusterHealth(dc: string | undefined): ClusterHealth | undefined {
  const qc = useQueryClient();
  useEventStream(`cluster:${dc ?? ""}`, apiUrl("/api/events", { scope: "cluster", dc }), {
    cluster: on(ClusterHealthSchema, (h) => qc.setQueryData(estateQueries.cluster(dc).queryKey, h)),
  });
  return useQuery(estateQueries.cluster(dc)).data;
}

/** A line for a header when Consul's servers are degraded; null when healthy or unknown. */
export function clusterWarning(h: ClusterHealth | undefined): string | null {
  if (h?.status !== "unhealthy") return null;
  return `⚠ Consul servers unhealthy: failure tolerance ${h.failureTolerance ?? "?"}, leader ${h.leader ?? "none"}`;
}
