import { queryOptions } from "@tanstack/react-query";
import { KvVersionList, KvRestoreBody } from "@/lib/api/kv-history";
import { KvWriteResult, type KvEntry } from "@/lib/api/kv";
import type { z } from "zod";
import { callApi } from "@/components/data/call-api";

const q = (s: string) => encodeURIComponent(s);

/** History queries: key and fetcher together (like queries.ts). */
export const kvHistoryQueries = {
  versions: (key: string) =>
    queryOptions({
      queryKey: ["kv", "history", key],
      queryFn: ({ signal }) => callApi(`/api/kv/history?key=${q(key)}`, KvVersionList, { signal }),
      staleTime: 0,
      retry: false,
    }),
  deleted: (prefix: string) =>
    queryOptions({
      queryKey: ["kv", "folder", "deleted", prefix],
      queryFn: ({ signal }) => callApi(`/api/kv/history/deleted?prefix=${q(prefix)}`, KvVersionList, { signal }),
      staleTime: 0,
      retry: false,
    }),
};

/** Restore a kept version: a check-and-set write like any save (cas "0": the key is deleted). */
export async function restoreVersion(body: z.input<typeof KvRestoreBody>): Promise<KvEntry | null> {
  return (await callApi("/api/kv/history/restore", KvWriteResult, { method: "POST", json: body })).entry;
}
