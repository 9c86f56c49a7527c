import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { noStore, param } from "@/lib/server/http/request";
import { versionsFor } from "@/lib/server/kv/history";

export const dynamic = "force-dynamic";

// GET /api/kv/history?key=<key> → { versions: [...] }, newest first; 403 unless the visitor's token may read the key.
export const GET = route(async (req: Request) => {
  const key = param(req, "key");
  const op = await apiOperator();
  return Response.json(await versionsFor(op, key), { headers: noStore });
});
