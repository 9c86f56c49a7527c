import { queryOptions } from "@tanstack/react-query";
import { AuditList, KvEntryAnswer, KvKeyList, KvListing } from "@/lib/api/kv";
import { callApi } from "@/components/data/call-api";

const q = (s: string) => encodeURIComponent(s);

/** Key prefixes, for invalidating after a write. */
export const kvKeys = {
  all: ["kv"] as const,
  folders: ["kv", "folder"] as const,
};

/** The one place KV queries are made: key and fetcher together. */
export const kvQueries = {
  entry: (key: string) =>
    queryOptions({
      queryKey: [...kvKeys.all, "entry", key],
      queryFn: ({ signal }) => callApi(`/api/kv?key=${q(key)}`, KvEntryAnswer, { signal }),
      staleTime: 0,
      retry: false,
    }),
  folder: (prefix: string) =>
    queryOptions({
      queryKey: [...kvKeys.folders, prefix],
      queryFn: ({ signal }) => callApi(`/api/kv/list?prefix=${q(prefix)}`, KvListing, { signal }),
      staleTime: 0,
      // The server already waited the Consul deadline: show its message now, not after a second wait.
      retry: false,
    }),
  allKeys: (prefix: string) =>
    queryOptions({
      queryKey: [...kvKeys.all, "keys", prefix],
      queryFn: ({ signal }) => callApi(`/api/kv/keys?prefix=${q(prefix)}`, KvKeyList, { signal }),
      staleTime: 30_000,
    }),
  recent: () =>
    queryOptions({
      queryKey: [...kvKeys.all, "recent"],
      queryFn: ({ signal }) => callApi("/api/kv/recent", AuditList, { signal }),
      staleTime: 0,
    }),
};
