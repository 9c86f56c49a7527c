import "server-only";
import type { AuditEntry } from "@/lib/api/kv";
import type { AuditOutcome } from "@/lib/api/kv-history";
import { log } from "../log";
import { countKvWrite } from "../metrics";
import { getHistoryStore } from "../store";
import type { HistoryRepository } from "../store/repository";

/**
 * Every write attempt through the dashboard — saved, conflict, denied or refused — is
 * stored (SQLite or PostgreSQL, see lib/server/store) before the request is answered,
 * so the audit survives restarts and replicas share it; each is also one structured
 * JSON log line on stdout for log shipping. The KV page's "recent changes" reads the
 * saved ones back from the store.
 */
export type AuditInput = Omit<AuditEntry, "at"> & { outcome?: AuditOutcome; message?: string | null };

export async function audit(entry: AuditInput, store: HistoryRepository = getHistoryStore()): Promise<void> {
  const { description, outcome = "saved", message, ...rest } = entry;
  if (outcome === "saved") countKvWrite("saved");
  // The description goes last, so each line reads "who did what to which key" from the start.
  const line = { at: new Date().toISOString(), ...rest, outcome, ...(message ? { message } : {}), ...(description ? { description } : {}) };
  // stdout keeps one `kv_write` line per write Consul applied (for log shipping, as before);
  // attempts that changed nothing are in the store, and at debug level here.
  if (outcome === "saved") log.info({ event: "kv_write", ...line }, "kv_write");
  else log.debug({ event: "kv_write_attempt", ...line }, "kv_write_attempt");
  try {
    await store.addAudit({ ...rest, description: description ?? null, outcome, message: message ?? null });
  } catch (err) {
    // The write itself is done (or refused): say loudly that its record is missing, but answer the operator.
    log.error({ err, event: "audit_store_failed", ...line }, "Could not store an audit entry");
  }
}

/** Many attempts at once (an import's rows): one log line each, one store transaction. */
export async function auditMany(entries: readonly AuditInput[], store: HistoryRepository = getHistoryStore()): Promise<void> {
  const rows = entries.map(({ description, outcome = "saved", message, ...rest }) => {
    if (outcome === "saved") countKvWrite("saved");
    const line = { at: new Date().toISOString(), ...rest, outcome, ...(message ? { message } : {}), ...(description ? { description } : {}) };
    if (outcome === "saved") log.info({ event: "kv_write", ...line }, "kv_write");
    else log.debug({ event: "kv_write_attempt", ...line }, "kv_write_attempt");
    return { ...rest, description: description ?? null, outcome, message: message ?? null };
  });
  try {
    await store.addAuditMany(rows);
  } catch (err) {
    log.error({ err, event: "audit_store_failed", count: rows.length }, "Could not store audit entries");
  }
}

/** The most recent saved writes, newest first, for the KV page. */
export async function recentChanges(limit = 50, store: HistoryRepository = getHistoryStore()): Promise<AuditEntry[]> {
  const rows = await store.audit({ outcome: "saved", limit });
  return rows.map((r) => ({
    at: r.at,
    who: r.who,
    action: r.action as AuditEntry["action"],
    key: r.key,
    oldIndex: r.oldIndex,
    newIndex: r.newIndex,
    size: r.size,
    ...(r.description ? { description: r.description } : {}),
  }));
}
