import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { noStore, param } from "@/lib/server/http/request";
import { writeAccess } from "@/lib/server/kv/access";

export const dynamic = "force-dynamic";

/** May this visitor write `key` (a key, or a folder prefix)? The KV screen hides controls that would fail. */
export const GET = route(async (req: Request) => {
  const access = await writeAccess(await apiOperator(), param(req, "key"));
  return Response.json(access, { headers: noStore });
});
