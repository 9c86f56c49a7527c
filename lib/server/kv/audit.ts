import "server-only";
import type { AuditEntry } from "@/lib/api/kv";
import { log } from "../log";
import { countKvWrite } from "../metrics";

/**
 * Every write through the dashboard: one structured JSON log line on stdout (for
 * log shipping) and a bounded in-memory list for the KV page's "recent changes".
 */
const MAX_RECENT = 200;
const recent: AuditEntry[] = [];

export function audit(entry: Omit<AuditEntry, "at">): void {
  // The description goes last, so each line reads "who did what to which key" from the start.
  const { description, ...rest } = entry;
  const full: AuditEntry = { at: new Date().toISOString(), ...rest, ...(description ? { description } : {}) };
  recent.unshift(full);
  if (recent.length > MAX_RECENT) recent.length = MAX_RECENT;
  countKvWrite("saved");
  log.info({ event: "kv_write", ...full }, "kv_write");
}

export function recentChanges(limit = 50): AuditEntry[] {
  return recent.slice(0, limit);
}
