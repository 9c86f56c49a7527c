import "server-only";
import type { z } from "zod";
import { HttpError } from "./http-error";

/** Reads a JSON request body against our contract; a bad body is a 400 naming the field. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await req.json();
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
