import { ImportApplyBody } from "@/lib/api/kv";
import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { assertWritable } from "@/lib/server/http/same-origin";
import { bulkLimit, noStore, readBody } from "@/lib/server/http/request";
import { applyImport } from "@/lib/server/kv/writes";

export const dynamic = "force-dynamic";

export const POST = route(async (req: Request) => {
  const op = await apiOperator();
  assertWritable(req, op);
  const body = await readBody(req, ImportApplyBody, bulkLimit());
  const result = await applyImport(op, body.rows);
  return Response.json(result, { status: result.conflicts.length ? 409 : 200, headers: noStore });
});
