import { KvFolderDeleteBody } from "@/lib/api/kv";
import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { assertWritable } from "@/lib/server/http/same-origin";
import { noStore, readBody } from "@/lib/server/http/request";
import { deleteFolder } from "@/lib/server/kv/writes";

export const dynamic = "force-dynamic";

export const DELETE = route(async (req: Request) => {
  const op = await apiOperator();
  assertWritable(req, op);
  const body = await readBody(req, KvFolderDeleteBody);
  const deleted = await deleteFolder(op, body.prefix, body.confirm);
  return Response.json({ deleted }, { headers: noStore });
});
