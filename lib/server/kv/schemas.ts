import "server-only";
import { parse as parseLossless } from "lossless-json";
import { z } from "zod";
import { ConsulError } from "../consul/errors";

/**
 * Consul's KV JSON. Flags and indexes are uint64: parsed losslessly as decimal
 * strings (JSON.parse would round Flags above 2^53).
 */
const u64 = z.string().regex(/^\d+$/);

export const ConsulKvPair = z.object({
  Key: z.string(),
  Value: z.string().nullish(),
  Flags: u64,
  CreateIndex: u64,
  ModifyIndex: u64,
  LockIndex: u64,
  Session: z.string().nullish(),
});
export type ConsulKvPair = z.output<typeof ConsulKvPair>;

export const ConsulKvPairs = z.array(ConsulKvPair);
export const ConsulKeyList = z.array(z.string());

export const ConsulTxnAnswer = z.object({
  Results: z.array(z.object({ KV: ConsulKvPair.nullish() }).passthrough()).nullish(),
  Errors: z.array(z.object({ OpIndex: z.string(), What: z.string() })).nullish(),
});

export const ConsulSessionInfo = z.array(z.object({ ID: z.string(), Name: z.string(), Node: z.string() }).passthrough());

export const ConsulTokenSelf = z
  .object({ AccessorID: z.string(), Description: z.string().nullish() })
  .passthrough();

/** Parses Consul's JSON keeping every number as its decimal text. */
export function parseLosslessJson<S extends z.ZodType>(path: string, body: Buffer | string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = parseLossless(body.toString(), null, (n: string) => n);
  } catch (err) {
    throw new ConsulError("parse", `Consul's answer to ${path} is not JSON`, undefined, path, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConsulError("parse", `Unexpected answer from ${path}: ${issue?.message ?? "invalid"}`, undefined, path);
  }
  return parsed.data;
}
