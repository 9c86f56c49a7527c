import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { noStore, param } from "@/lib/server/http/request";
import { deletedBelow } from "@/lib/server/kv/restore";

export const dynamic = "force-dynamic";

// GET /api/kv/history/deleted?prefix=<folder> → { versions: [...] }: keys deleted through the dashboard that are still gone.
export const GET = route(async (req: Request) => {
  const prefix = param(req, "prefix", false);
  const op = await apiOperator();
  return Response.json({ versions: await deletedBelow(op, prefix) }, { headers: noStore });
});
