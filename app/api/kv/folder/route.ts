import { KvFolderDeleteBody } from "@/lib/api/kv";
import { currentOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { assertWritable } from "@/lib/server/http/same-origin";
import { noStore, readBody } from "@/lib/server/http/request";
import { deleteFolder } from "@/lib/server/kv/writes";

export const dynamic = "force-dynamic";

export const DELETE = route(async (req: Request) => {
  assertWritable(req);
  const body = await readBody(req, KvFolderDeleteBody);
  const deleted = await deleteFolder(await currentOperator(), body.prefix, body.confirm);
  return Response.json({ deleted }, { headers: noStore });
});
