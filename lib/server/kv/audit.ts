import "server-only";
import type { AuditEntry } from "@/lib/api/kv";

/**
 * Every write through the dashboard: one structured JSON line on stdout (for
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
  console.log(JSON.stringify({ event: "kv_write", ...full }));
}

export function recentChanges(limit = 50): AuditEntry[] {
  return recent.slice(0, limit);
}
