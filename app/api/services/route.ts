import { checkDatacenter } from "@/lib/server/health/datacenters";
import { getOverview } from "@/lib/server/health/overview";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** The overview as JSON, from the shared watch of a datacenter Consul knows. */
export const GET = route(async (req: Request) => {
  const dc = new URL(req.url).searchParams.get("dc") || undefined;
  await checkDatacenter(dc);
  const overview = await getOverview(dc);
  return Response.json(overview, { headers: { "cache-control": "no-store" } });
});
