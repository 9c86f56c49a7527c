export const dynamic = "force-dynamic";

/** Liveness of the dashboard itself; says nothing about Consul. */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
