"use client";

import { useQuery } from "@tanstack/react-query";
import { AuditList, KvEntryAnswer, KvKeyList, KvListing } from "@/lib/api/kv";
import { callApi, kvKeys, q } from "./api-client";

export function useEntry(key: string) {
  return useQuery({
    queryKey: kvKeys.entry(key),
    queryFn: ({ signal }) => callApi(`/api/kv?key=${q(key)}`, KvEntryAnswer, { signal }),
    staleTime: 0,
    retry: false,
  });
}

export function useFolder(prefix: string) {
  return useQuery({
    queryKey: kvKeys.folder(prefix),
    queryFn: ({ signal }) => callApi(`/api/kv/list?prefix=${q(prefix)}`, KvListing, { signal }),
    staleTime: 0,
    // The server already waited the Consul deadline: show its message now, not after a second wait.
    retry: false,
  });
}

export function useAllKeys(prefix: string, enabled: boolean) {
  return useQuery({
    queryKey: kvKeys.allKeys(prefix),
    queryFn: ({ signal }) => callApi(`/api/kv/keys?prefix=${q(prefix)}`, KvKeyList, { signal }),
    enabled,
    staleTime: 30_000,
  });
}

export function useRecentChanges() {
  return useQuery({
    queryKey: kvKeys.recent(),
    queryFn: ({ signal }) => callApi("/api/kv/recent", AuditList, { signal }),
    staleTime: 0,
  });
}
