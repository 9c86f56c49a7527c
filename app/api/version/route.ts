import type { Version } from "@/lib/api/version";
import { route } from "@/lib/server/http/route";
import { buildId } from "@/lib/server/version";

export const dynamic = "force-dynamic";

/** Which build is serving: open walls reload themselves when it changes. */
export const GET = route(async () => {
  const body: Version = { buildId: buildId() };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
