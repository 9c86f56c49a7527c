import type { z } from "zod";
import { ApiError, KvConflict } from "@/lib/api/kv";

/** A failed call to our API, with the server's specific message (and, on a conflict, the value now in Consul). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = "ApiFailure";
  }

  get conflict(): KvConflict | null {
    const c = KvConflict.safeParse(this.body);
    return c.success ? c.data : null;
  }
}

export async function callApi<S extends z.ZodType>(url: string, schema: S, init?: RequestInit & { json?: unknown }): Promise<z.output<S>> {
  const { json, ...rest } = init ?? {};
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      headers: json === undefined ? rest.headers : { "content-type": "application/json", ...rest.headers },
      body: json === undefined ? rest.body : JSON.stringify(json),
      cache: "no-store",
    });
  } catch (err) {
    throw new ApiFailure(0, "network", `The dashboard server did not answer: ${err instanceof Error ? err.message : String(err)}`, null);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    const e = ApiError.safeParse(body);
    const message = e.success ? e.data.error.message : `The dashboard answered HTTP ${res.status}`;
    throw new ApiFailure(res.status, e.success ? e.data.error.kind : "http", message, body);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiFailure(res.status, "bad_answer", `Unexpected answer from ${url}`, body);
  return parsed.data;
}

export const kvKeys = {
  all: ["kv"] as const,
  entry: (key: string) => ["kv", "entry", key] as const,
  folder: (prefix: string) => ["kv", "folder", prefix] as const,
  allKeys: (prefix: string) => ["kv", "keys", prefix] as const,
  recent: () => ["kv", "recent"] as const,
  me: () => ["auth", "me"] as const,
};

export const q = (s: string) => encodeURIComponent(s);
