/** Minimal writer for the demo's calls to its own local agent; Consul's error text is kept verbatim. */
export async function consulCall(
  base: string,
  method: string,
  path: string,
  body?: Uint8Array<ArrayBuffer> | string | object,
): Promise<Response> {
  const payload = body === undefined ? undefined : body instanceof Uint8Array || typeof body === "string" ? body : JSON.stringify(body);
  const res = await fetch(`${base}${path}`, { method, body: payload, signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`Consul ${method} ${path} → ${res.status}: ${(await res.text()).trim()}`);
  return res;
}

/** A KV key as a URL path: each segment encoded, slashes kept (spaces and unicode must survive). */
export function kvPath(key: string): string {
  return `/v1/kv/${key.split("/").map(encodeURIComponent).join("/")}`;
}
