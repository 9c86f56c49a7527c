"use client";

import { useQuery } from "@tanstack/react-query";
import { liveQueries } from "./queries";

export function useOverviewData(dc: string | undefined) {
  return useQuery(liveQueries.overview(dc)).data;
}

export function useServiceData(dc: string | undefined, name: string) {
  return useQuery(liveQueries.service(dc, name)).data;
}

export function useWatchState(dc: string | undefined) {
  return useQuery(liveQueries.watchState(dc)).data;
}

export function useConnection(dc: string | undefined, scope: string) {
  return useQuery(liveQueries.connection(dc, scope)).data;
}

export function useHeard(dc: string | undefined, scope: string) {
  return useQuery(liveQueries.heard(dc, scope)).data;
}
