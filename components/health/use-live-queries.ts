"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import type { WatchState } from "@/lib/api/live";
import type { ConnectionState, OverviewData, ServiceData } from "./live-data";
import { liveKeys } from "./query-keys";

// These queries never fetch: the live stream fills them (skipToken), and they never go stale by timer.
const live = { queryFn: skipToken, staleTime: Infinity, gcTime: Infinity, structuralSharing: false } as const;

export function useOverviewData(dc: string | undefined) {
  return useQuery<OverviewData>({ queryKey: liveKeys.overview(dc), ...live }).data;
}

export function useServiceData(dc: string | undefined, name: string) {
  return useQuery<ServiceData>({ queryKey: liveKeys.service(dc, name), ...live }).data;
}

export function useWatchState(dc: string | undefined) {
  return useQuery<WatchState>({ queryKey: liveKeys.watchState(dc), ...live }).data;
}

export function useConnection(dc: string | undefined, scope: string) {
  return useQuery<ConnectionState>({ queryKey: liveKeys.connection(dc, scope), ...live }).data;
}

export function useHeard(dc: string | undefined, scope: string) {
  return useQuery<number>({ queryKey: liveKeys.heard(dc, scope), ...live }).data;
}
