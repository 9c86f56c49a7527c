"use client";

import { KvConflict, KvWriteResult, type KvEntry } from "@/lib/api/kv";
import { ApiFailure, callApi } from "@/components/data/call-api";

/** Check-and-set write of bytes (base64); resolves with the entry as Consul now has it. */
export async function putKey(input: { key: string; value: string; flags: string; cas: string }): Promise<KvEntry | null> {
  const res = await callApi("/api/kv", KvWriteResult, { method: "PUT", json: input });
  return res.entry;
}

export async function deleteKeyAt(key: string, cas: string): Promise<void> {
  await callApi("/api/kv", KvWriteResult, { method: "DELETE", json: { key, cas } });
}

/** When a write failed because the key changed meanwhile: the refusal, with the value in Consul now. */
export function conflictOf(err: unknown): KvConflict | null {
  if (!(err instanceof ApiFailure)) return null;
  const c = KvConflict.safeParse(err.body);
  return c.success ? c.data : null;
}
