import "server-only";
import type { AuditFilter, AuditRecord } from "@/lib/api/kv-history";
import { getHistoryStore } from "../store";

export function auditPage(filter: AuditFilter): Promise<AuditRecord[]> {
  return getHistoryStore().audit({ ...filter, limit: filter.limit ?? 200 });
}

/** Every matching entry, newest first, one JSON object a line; read from the store a page at a time. */
export function auditJsonLines(filter: AuditFilter): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let beforeId: string | undefined;
  let left = filter.limit ?? Number.POSITIVE_INFINITY;
  return new ReadableStream({
    async pull(controller) {
      const page = await getHistoryStore().audit({ ...filter, beforeId, limit: Math.min(1000, left) });
      if (page.length === 0) {
        controller.close();
        return;
      }
      controller.enqueue(enc.encode(page.map((e) => JSON.stringify(e)).join("\n") + "\n"));
      beforeId = page[page.length - 1]?.id;
      left -= page.length;
      if (left <= 0) controller.close();
    },
  });
}
