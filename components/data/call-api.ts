import type { z } from "zod";
import { ApiErrorSchema } from "@/lib/api/errors";

/**
 * A failed call to our API, with the server's specific message. `kind` is the server's
 * error kind, or the browser's own: "network" (no answer), "http" (an error answer
 * without our error body), "bad_answer" (a success that breaks the contract).
 * `body` keeps the whole answer for the kinds that carry more (a KV conflict, an import).
 */
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
}

/**
 * The one way the browser calls our /api: no caching, an optional JSON body, the answer
 * validated with its zod contract, and every failure an ApiFailure with a specific message.
 */
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
    const e = ApiErrorSchema.safeParse(body);
    const message = e.success ? e.data.error.message : `The dashboard answered HTTP ${res.status}`;
    if (e.success && e.data.error.kind === "session_ended") sendToSignIn(body);
    throw new ApiFailure(res.status, e.success ? e.data.error.kind : "http", message, body);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiFailure(res.status, "bad_answer", `Unexpected answer from ${url}`, body);
  return parsed.data;
}

/** `path?a=…&b=…` without the parameters that are unset. */
export function apiUrl(path: string, params: Record<string, string | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) sp.set(k, v);
  return sp.size ? `${path}?${sp}` : path;
}

/**
 * The operator's session ended (expired, signed out elsewhere, token deleted in Consul) and
 * the server has cleared its cookie: go to sign-in, which says why, and come back after.
 */
function sendToSignIn(body: unknown): void {
  if (typeof window === "undefined" || window.location.pathname === "/sign-in") return;
  const reason = (body as { reason?: unknown } | null)?.reason;
  const ended = typeof reason === "string" && /^[a-z_]+$/.test(reason) ? reason : "ended";
  const next = `${window.location.pathname}${window.location.search}`;
  // A full load, not a client navigation: every cached query of the old session goes with it.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/sign-in?ended=${ended}&next=${encodeURIComponent(next)}`);
}
