import type { KvEntry, KvKeySummary } from "@/lib/api/kv";
import { base64ToBytes } from "./bytes";
import { sniffValue } from "./value";

/** What a folder listing shows of one key: size, kind, flags, last change. */
export function summarizeEntry(entry: KvEntry): KvKeySummary {
  const bytes = base64ToBytes(entry.value);
  const sniffed = sniffValue(bytes);
  return {
    key: entry.key,
    size: bytes.length,
    kind: sniffed.kind === "binary" ? "binary" : sniffed.format,
    flags: entry.flags,
    modifyIndex: entry.modifyIndex,
  };
}
