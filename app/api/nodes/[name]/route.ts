import { DomainError } from "@/lib/server/errors";
import { checkDatacenter } from "@/lib/server/health/datacenters";
import { assertNodeName, getNodeDetail } from "@/lib/server/health/node-detail";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** One node as JSON: checks with output, meta, sessions, instances and what it takes down. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const { name: raw } = await ctx.params;
  // The segment arrives still %-encoded (as on the pages); a malformed escape is bad input.
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new DomainError("bad_request", "The node name in the URL is not valid %-encoding.");
  }
  assertNodeName(name);
  const dc = new URL(req.url).searchParams.get("dc") || undefined;
  await checkDatacenter(dc);
  const node = await getNodeDetail(dc, name);
  if (!node) throw new DomainError("not_found", `There is no node “${name}” in ${dc ? `datacenter ${dc}` : "this datacenter"}.`);
  return Response.json(node, { headers: { "cache-control": "no-store" } });
});
