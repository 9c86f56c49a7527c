import { z } from "zod";

/**
 * Contract of /api/kv/history and /api/audit: values replaced or deleted through the
 * dashboard (or seen changing under a watched prefix), and the lasting audit.
 * Values travel as base64; indexes and flags as decimal strings (uint64).
 */

/** `who` of a change the prefix watch saw that the dashboard did not make. */
export const OUTSIDE_WHO = "outside the dashboard";

export const KvVersion = z.object({
  id: z.string(),
  key: z.string(),
  /** The value this version held, base64. */
  value: z.string(),
  flags: z.string(),
  /** The ModifyIndex at which Consul held this value. */
  modifyIndex: z.string(),
  /** Who replaced or deleted this value (an AccessorID, "server token", or OUTSIDE_WHO), and when. */
  who: z.string(),
  at: z.string(),
  /** True when the change that replaced it was a delete. */
  deleted: z.boolean(),
  size: z.number(),
  /** Hex SHA-256 of the value: how binary versions are compared. */
  sha256: z.string(),
});
export type KvVersion = z.output<typeof KvVersion>;

/** The key as it is now, for diffs: null when it does not exist. */
export const KvCurrent = z.object({ modifyIndex: z.string(), size: z.number(), sha256: z.string() }).nullable();

export const KvVersionList = z.object({ versions: z.array(KvVersion), current: KvCurrent.optional() });
export type KvVersionList = z.output<typeof KvVersionList>;

export const KvRestoreBody = z.object({
  key: z.string(),
  id: z.string().regex(/^\d+$/),
  /** The key's ModifyIndex now, as the page saw it; "0" when the key is deleted (create only if absent). */
  cas: z.string().regex(/^\d+$/),
});

export const AuditOutcome = z.enum(["saved", "conflict", "denied", "refused"]);
export type AuditOutcome = z.output<typeof AuditOutcome>;

export const AuditRecord = z.object({
  id: z.string(),
  at: z.string(),
  who: z.string(),
  description: z.string().nullish(),
  action: z.string(),
  key: z.string(),
  oldIndex: z.string(),
  newIndex: z.string(),
  size: z.number(),
  outcome: AuditOutcome,
  message: z.string().nullish(),
});
export type AuditRecord = z.output<typeof AuditRecord>;

export const AuditPage = z.object({ entries: z.array(AuditRecord) });

/** Filters of /audit and /api/audit, from URL search params. */
export interface AuditFilter {
  prefix?: string;
  who?: string;
  /** ISO date-times, inclusive. */
  from?: string;
  to?: string;
  outcome?: AuditOutcome;
  limit?: number;
}

export function auditFilterFrom(params: URLSearchParams): AuditFilter {
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const outcome = AuditOutcome.safeParse(get("outcome"));
  const limit = Number(get("limit"));
  return {
    prefix: params.get("prefix") ?? undefined,
    who: get("who"),
    from: get("from"),
    to: get("to"),
    outcome: outcome.success ? outcome.data : undefined,
    limit: Number.isFinite(limit) && limit > 0 ? Math.min(limit, 1000) : undefined,
  };
}
