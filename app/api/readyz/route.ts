import { route } from "@/lib/server/http/route";
import { readiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

/** Readiness for load balancers and orchestrators: 200 when Consul answers and live data is there, else 503 with the reason. */
export const GET = route(async () => {
  const r = await readiness();
  return Response.json(r, { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
});
