import "server-only";
import type { z } from "zod";
import { getConfig } from "../config";
import { HttpError } from "./http-error";

/** Room for the key, flags, index and JSON around a base64 value. */
const WRITE_OVERHEAD_BYTES = 64 * 1024;

export interface BodyLimit {
  bytes: number;
  /** What the limit stands for, said in the refusal. */
  why: string;
}

/** Body limit of one KV write: the largest value Consul takes, base64-encoded (× 4/3), plus overhead. */
export function singleWriteLimit(): BodyLimit {
  const value = getConfig().kvMaxValueBytes;
  return { bytes: Math.ceil((value * 4) / 3) + WRITE_OVERHEAD_BYTES, why: `one value of at most ${value} bytes, base64-encoded, plus its key` };
}

/** Body limit of bulk requests (import preview and apply): DASHBOARD_MAX_BODY_BYTES. */
export function bulkLimit(): BodyLimit {
  return { bytes: getConfig().access.maxBodyBytes, why: "DASHBOARD_MAX_BODY_BYTES" };
}

function tooLarge(limit: BodyLimit): HttpError {
  return new HttpError("too_large", `The request body is larger than this route accepts (${limit.bytes} bytes: ${limit.why}); nothing was done.`);
}

/**
 * The body's bytes, refused with 413 before it is read in full when larger than
 * `limit`: by its Content-Length when it declares one, and by counting while
 * streaming (a body may lie about, or omit, its length).
 */
export async function readLimited(req: Request, limit: BodyLimit): Promise<Buffer> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit.bytes) throw tooLarge(limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit.bytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Reads a JSON request body (at most `limit` bytes) against our contract; a bad body is a 400 naming the field. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S, limit: BodyLimit = singleWriteLimit()): Promise<z.output<S>> {
  const bytes = await readLimited(req, limit);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new HttpError("bad_request", "The request body is not JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new HttpError("bad_request", `${at}${issue?.message ?? "invalid request"}`);
  }
  return parsed.data;
}

/** A query parameter; a missing required one is a 400 naming it. */
export function param(req: Request, name: string, required = true): string {
  const v = new URL(req.url).searchParams.get(name);
  if (v === null && required) throw new HttpError("bad_request", `The “${name}” query parameter is missing.`);
  return v ?? "";
}

export const noStore = { "cache-control": "no-store" };
