import type { History } from "@/lib/api/history";
import { readHistory } from "@/lib/server/history/read";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Per-minute status history: `?dc=` (default the agent's own) and optionally `?service=`. */
export const GET = route(async (req: Request) => {
  const params = new URL(req.url).searchParams;
  const body: History = await readHistory(params.get("dc") || undefined, params.get("service") ?? undefined);
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
