import { queryOptions } from "@tanstack/react-query";
import { HistorySchema } from "@/lib/api/history";
import { apiUrl, callApi } from "@/components/data/call-api";

/** The per-minute history, refreshed every minute (its resolution): no need for the live stream here. */
export function historyQuery(dc: string | undefined, service: string | undefined) {
  return queryOptions({
    queryKey: ["history", dc ?? "", service ?? ""],
    queryFn: () => callApi(apiUrl("/api/history", { dc: dc || undefined, service }), HistorySchema),
    refetchInterval: 60_000,
  });
}
