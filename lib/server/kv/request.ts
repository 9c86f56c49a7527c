import "server-only";
import type { z } from "zod";
import { HttpError } from "../http/http-error";

/** Reads a JSON request body against our contract; a bad body is a 400 naming the field. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new HttpError(400, "bad_request", "The request body is not JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new HttpError(400, "bad_request", `${at}${issue?.message ?? "invalid request"}`);
  }
  return parsed.data;
}

export function param(req: Request, name: string, required = true): string {
  const v = new URL(req.url).searchParams.get(name);
  if (v === null && required) throw new HttpError(400, "bad_request", `The “${name}” query parameter is missing.`);
  return v ?? "";
}

/** Decodes a base64 value from the browser; never re-encodes it as text. */
export function decodeValue(b64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    throw new HttpError(400, "bad_request", "value must be standard base64.");
  }
  return Buffer.from(b64, "base64");
}

export const noStore = { "cache-control": "no-store" };
