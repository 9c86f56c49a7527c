import { queryOptions } from "@tanstack/react-query";
import { DatacentersSchema } from "@/lib/api/live";
import { callApi } from "@/components/data/call-api";

/** The datacenters, nearest first (Consul's order). */
export function datacentersQuery() {
  return queryOptions({
    queryKey: ["datacenters"],
    queryFn: async () => (await callApi("/api/datacenters", DatacentersSchema)).datacenters,
    staleTime: 30_000,
  });
}
