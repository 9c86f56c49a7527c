import { KvRestoreBody } from "@/lib/api/kv-history";
import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { assertWritable } from "@/lib/server/http/same-origin";
import { noStore, readBody } from "@/lib/server/http/request";
import { restoreVersion } from "@/lib/server/kv/restore";

export const dynamic = "force-dynamic";

export const POST = route(async (req: Request) => {
  const op = await apiOperator();
  assertWritable(req, op);
  const body = await readBody(req, KvRestoreBody);
  const entry = await restoreVersion(op, body.key, body.id, body.cas);
  return Response.json({ entry }, { headers: noStore });
});
