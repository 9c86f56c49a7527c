import { getOverview } from "@/lib/server/health/overview";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (req: Request) => {
  const dc = new URL(req.url).searchParams.get("dc") || undefined;
  const overview = await getOverview(dc, req.signal);
  return Response.json(overview, { headers: { "cache-control": "no-store" } });
});
