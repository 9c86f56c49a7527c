import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { searchLimit } from "@/lib/server/limits";
import { noStore, param } from "@/lib/server/http/request";
import { listKeys } from "@/lib/server/consul/kv";

export const dynamic = "force-dynamic";

/** Every key name below a prefix (no values), for search and folder-delete counts. */
export const GET = route(async (req: Request) => {
  const prefix = param(req, "prefix", false);
  const keys = await searchLimit().run(async () => listKeys(prefix, (await apiOperator()).token));
  return Response.json({ prefix, keys }, { headers: noStore });
});
