import { z } from "zod";
import { isUint64 } from "@/lib/kv/uint64";

/**
 * Contract of our /api/kv routes, shared by the routes and the browser.
 * Values travel as base64 so bytes are never re-encoded; indexes and flags as
 * decimal strings because they are uint64.
 */

const u64 = z.string().refine(isUint64, { message: "must be an unsigned 64-bit integer" });

export const KvEntry = z.object({
  key: z.string(),
  value: z.string(), // base64, "" for an empty or null value
  flags: z.string(),
  createIndex: z.string(),
  modifyIndex: z.string(),
  lockIndex: z.string(),
  session: z.string().nullable(),
});
export type KvEntry = z.output<typeof KvEntry>;

const KvSessionInfo = z.object({ id: z.string(), name: z.string(), node: z.string() }).nullable();

export const KvEntryAnswer = z.object({ entry: KvEntry, lockSession: KvSessionInfo });
export type KvEntryAnswer = z.output<typeof KvEntryAnswer>;

/** One key of a folder listing, beyond its name. */
export const KvKeySummary = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  kind: z.enum(["json", "yaml", "text", "binary"]),
  flags: z.string(),
  modifyIndex: z.string(),
});
export type KvKeySummary = z.output<typeof KvKeySummary>;

/** Folders with more direct keys than this list names only (reading values is bounded). */
export const KV_DETAILS_MAX_KEYS = 500;

export const KvListing = z.object({
  prefix: z.string(),
  folders: z.array(z.string()),
  keys: z.array(z.string()),
  /** Size, kind, flags and index per key; absent when the folder has more than KV_DETAILS_MAX_KEYS keys. */
  details: z.array(KvKeySummary).optional(),
});
export type KvListing = z.output<typeof KvListing>;

export const KvKeyList = z.object({ prefix: z.string(), keys: z.array(z.string()) });

export const KvPutBody = z.object({
  key: z.string(),
  value: z.string(),
  flags: u64,
  /** ModifyIndex the editor loaded; "0" creates only if absent. */
  cas: u64,
});
export type KvPutBody = z.output<typeof KvPutBody>;

export const KvDeleteBody = z.object({ key: z.string(), cas: u64 });

export const KvFolderDeleteBody = z.object({ prefix: z.string(), confirm: z.string() });

/** What a refused check-and-set answers: the value in Consul now (null: deleted meanwhile). */
export const KvConflict = z.object({
  error: z.object({ kind: z.literal("conflict"), message: z.string() }),
  current: KvEntry.nullable(),
});
export type KvConflict = z.output<typeof KvConflict>;

export const KvWriteResult = z.object({ entry: KvEntry.nullable() });

const ImportEntry = z.object({ key: z.string(), flags: u64, value: z.string() });

export const ImportPreviewBody = z.object({ prefix: z.string(), entries: z.array(ImportEntry) });

export const ImportRow = z.object({
  key: z.string(),
  action: z.enum(["create", "change", "unchanged"]),
  value: z.string(),
  flags: z.string(),
  /** ModifyIndex seen at preview time ("0": the key did not exist). */
  expectIndex: z.string(),
  /** Size of the new value in bytes. */
  size: z.number(),
});
export type ImportRow = z.output<typeof ImportRow>;

export const ImportPreview = z.object({ rows: z.array(ImportRow) });

export const ImportApplyBody = z.object({ rows: z.array(ImportRow) });

export const ImportResult = z.object({
  written: z.number(),
  /** Keys changed since the preview; nothing in their batch was written. */
  conflicts: z.array(z.object({ key: z.string(), reason: z.string() })),
  /** Keys still written after the import ended: none when it completed a rollback. */
  writtenKeys: z.array(z.string()),
  /** Keys an earlier batch wrote that were put back as they were, because a later batch was refused. */
  rolledBack: z.number().optional(),
  /** Keys that could not be put back (someone changed them meanwhile): each with Consul's reason. */
  rollbackFailures: z.array(z.object({ key: z.string(), reason: z.string() })).optional(),
});
export type ImportResult = z.output<typeof ImportResult>;

export const AuditEntry = z.object({
  at: z.string(),
  who: z.string(),
  action: z.enum(["create", "update", "delete", "delete-tree", "import", "restore", "rollback"]),
  key: z.string(),
  oldIndex: z.string(),
  newIndex: z.string(),
  size: z.number(),
  /** The signed-in operator's token description, when it has one. */
  description: z.string().nullish(),
});
export type AuditEntry = z.output<typeof AuditEntry>;

export const AuditList = z.object({ entries: z.array(AuditEntry) });

export const WhoAmI = z.object({
  signedIn: z.boolean(),
  accessor: z.string().nullable(),
  description: z.string().nullable(),
  readOnly: z.boolean(),
});
export type WhoAmI = z.output<typeof WhoAmI>;

export const SignInBody = z.object({
  token: z.string().trim().min(1, { message: "Paste a Consul ACL token (its SecretID)." }),
  /** "Keep me signed in on this display": the wall's longer session (DASHBOARD_WALL_SESSION_HOURS). */
  keepSignedIn: z.boolean().optional(),
});

/** GET /api/kv/access?key=: may this visitor write there, and if not, why (shown instead of the controls). */
export const KvAccess = z.object({
  canWrite: z.boolean(),
  reason: z.enum(["read_only", "sign_in", "acl"]).nullable(),
  message: z.string().nullable(),
});
export type KvAccess = z.output<typeof KvAccess>;
