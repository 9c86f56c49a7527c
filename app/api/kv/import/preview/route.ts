import { ImportPreviewBody } from "@/lib/api/kv";
import { asFolder } from "@/lib/kv/key";
import { planImport } from "@/lib/kv/import-plan";
import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { bulkLimit, noStore, readBody } from "@/lib/server/http/request";
import { readTree } from "@/lib/server/consul/kv";
import { commonFolder } from "@/lib/server/kv/import-rows";

export const dynamic = "force-dynamic";

/** What an import would create and change, with the ModifyIndex of every existing key now. */
export const POST = route(async (req: Request) => {
  const body = await readBody(req, ImportPreviewBody, bulkLimit());
  const prefix = asFolder(body.prefix);
  const current = await readTree(commonFolder(body.entries.map((e) => prefix + e.key)), (await apiOperator()).token);
  const byKey = new Map(current.map((e) => [e.key, { value: e.value, flags: e.flags, modifyIndex: e.modifyIndex }]));
  return Response.json({ rows: planImport(body.entries, prefix, byKey) }, { headers: noStore });
});
