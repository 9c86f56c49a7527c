import { ImportPreviewBody } from "@/lib/api/kv";
import { asFolder } from "@/lib/kv/key";
import { planImport } from "@/lib/kv/import-plan";
import { currentOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { noStore, readBody } from "@/lib/server/http/request";
import { readTree } from "@/lib/server/consul/kv";

export const dynamic = "force-dynamic";

/** What an import would create and change, with the ModifyIndex of every existing key now. */
export const POST = route(async (req: Request) => {
  const body = await readBody(req, ImportPreviewBody);
  const prefix = asFolder(body.prefix);
  const current = await readTree(commonPrefix(body.entries.map((e) => prefix + e.key)), (await currentOperator()).token);
  const byKey = new Map(current.map((e) => [e.key, { value: e.value, flags: e.flags, modifyIndex: e.modifyIndex }]));
  return Response.json({ rows: planImport(body.entries, prefix, byKey) }, { headers: noStore });
});

function commonPrefix(keys: string[]): string {
  if (keys.length === 0) return "";
  let p = keys[0] ?? "";
  for (const k of keys) while (!k.startsWith(p)) p = p.slice(0, -1);
  // Read whole folders: a prefix cut mid-segment still works, but a folder is cheaper to reason about.
  return p.slice(0, p.lastIndexOf("/") + 1);
}
