import type { Datacenters } from "@/lib/api/live";
import { listDatacenters } from "@/lib/server/health/datacenters";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const body: Datacenters = { datacenters: await listDatacenters() };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
