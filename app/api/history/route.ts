import type { History } from "@/lib/api/history";
import { checkDatacenter } from "@/lib/server/health/datacenters";
import { assertServiceName } from "@/lib/server/health/service-exists";
import { readHistory } from "@/lib/server/history/read";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/**
 * Per-minute status history: `?dc=` (default the agent's own) and optionally `?service=`.
 * The datacenter must be one Consul knows: history is kept per datacenter.
 */
export const GET = route(async (req: Request) => {
  const params = new URL(req.url).searchParams;
  const dc = params.get("dc") || undefined;
  const service = params.get("service") ?? undefined;
  await checkDatacenter(dc);
  if (service !== undefined) assertServiceName(service);
  const body: History = await readHistory(dc, service);
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
