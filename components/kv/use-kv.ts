"use client";

import { useQuery } from "@tanstack/react-query";
import { kvQueries } from "./queries";

export function useEntry(key: string) {
  return useQuery(kvQueries.entry(key));
}

export function useFolder(prefix: string) {
  return useQuery(kvQueries.folder(prefix));
}

export function useAllKeys(prefix: string, enabled: boolean) {
  return useQuery({ ...kvQueries.allKeys(prefix), enabled });
}

export function useRecentChanges() {
  return useQuery(kvQueries.recent());
}
