import { asFolder } from "@/lib/kv/key";
import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { noStore, param } from "@/lib/server/http/request";
import { listFolder } from "@/lib/server/consul/kv";
import { folderDetails } from "@/lib/server/kv/folder-details";

export const dynamic = "force-dynamic";

export const GET = route(async (req: Request) => {
  const prefix = asFolder(param(req, "prefix", false));
  const token = (await apiOperator()).token;
  const listing = await listFolder(prefix, token);
  const details = await folderDetails(listing.keys, token);
  return Response.json({ prefix, ...listing, details }, { headers: noStore });
});
