"use client";

import { KvWriteResult, type KvEntry } from "@/lib/api/kv";
import { callApi } from "./api-client";

/** Check-and-set write of bytes (base64); resolves with the entry as Consul now has it. */
export async function putKey(input: { key: string; value: string; flags: string; cas: string }): Promise<KvEntry | null> {
  const res = await callApi("/api/kv", KvWriteResult, { method: "PUT", json: input });
  return res.entry;
}

export async function deleteKeyAt(key: string, cas: string): Promise<void> {
  await callApi("/api/kv", KvWriteResult, { method: "DELETE", json: { key, cas } });
}
