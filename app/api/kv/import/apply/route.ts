import { ImportApplyBody } from "@/lib/api/kv";
import { currentOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { assertWritable } from "@/lib/server/http/same-origin";
import { noStore, readBody } from "@/lib/server/http/request";
import { applyImport } from "@/lib/server/kv/writes";

export const dynamic = "force-dynamic";

export const POST = route(async (req: Request) => {
  assertWritable(req);
  const body = await readBody(req, ImportApplyBody);
  const result = await applyImport(await currentOperator(), body.rows);
  return Response.json(result, { status: result.conflicts.length ? 409 : 200, headers: noStore });
});
