"use client";

import { useQuery } from "@tanstack/react-query";
import { HistorySchema, type History } from "@/lib/api/history";
import { ApiErrorSchema } from "@/lib/api/overview";

/** Query keys of the history charts (the live keys are the stream's; these are fetched). */
export const historyKeys = {
  history: (dc: string | undefined, service: string | undefined) => ["history", dc ?? "", service ?? ""] as const,
};

async function fetchHistory(dc: string | undefined, service: string | undefined): Promise<History> {
  const sp = new URLSearchParams();
  if (dc) sp.set("dc", dc);
  if (service !== undefined) sp.set("service", service);
  const res = await fetch(`/api/history${sp.size ? `?${sp}` : ""}`, { cache: "no-store" });
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(ApiErrorSchema.safeParse(body).data?.error.message ?? `HTTP ${res.status}`);
  return HistorySchema.parse(body);
}

/** The per-minute history, refreshed every minute (its resolution): no need for the live stream here. */
export function useHistory(dc: string | undefined, service?: string) {
  return useQuery({
    queryKey: historyKeys.history(dc, service),
    queryFn: () => fetchHistory(dc, service),
    refetchInterval: 60_000,
  });
}
