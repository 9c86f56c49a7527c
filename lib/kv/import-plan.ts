import type { ImportRow } from "@/lib/api/kv";
import type { ExportEntry } from "./export-format";

export interface CurrentEntry {
  value: string;
  flags: string;
  modifyIndex: string;
}

/** Where an imported key lands: like `consul kv import -prefix`, the prefix goes in front. */
function targetKey(prefix: string, key: string): string {
  return `${prefix}${key}`;
}

function base64Size(b64: string): number {
  const pad = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

/** Compares a file with what is in Consul now; the preview operators approve. */
export function planImport(entries: readonly ExportEntry[], prefix: string, current: ReadonlyMap<string, CurrentEntry>): ImportRow[] {
  const seen = new Map<string, ImportRow>();
  for (const e of entries) {
    const key = targetKey(prefix, e.key);
    const now = current.get(key);
    const action: ImportRow["action"] = !now ? "create" : now.value === e.value && now.flags === e.flags ? "unchanged" : "change";
    // A later entry for the same key wins, as it would with `consul kv import`.
    seen.set(key, { key, action, value: e.value, flags: e.flags, expectIndex: now?.modifyIndex ?? "0", size: base64Size(e.value) });
  }
  return [...seen.values()];
}

/** Splits into chunks of at most `size` (Consul allows 128 operations per transaction). */
export function chunk<T>(items: readonly T[], size = 128): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
