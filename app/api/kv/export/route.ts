import { formatExportFile } from "@/lib/kv/export-format";
import { apiOperator } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { exportLimit } from "@/lib/server/limits";
import { param } from "@/lib/server/http/request";
import { readTree } from "@/lib/server/consul/kv";

export const dynamic = "force-dynamic";

/** The folder as `consul kv export <prefix>` prints it, as a download. */
export const GET = route(async (req: Request) => {
  const prefix = param(req, "prefix", false);
  const entries = await exportLimit().run(async () => readTree(prefix, (await apiOperator()).token));
  const file = formatExportFile(entries.map((e) => ({ key: e.key, flags: e.flags, value: e.value })));
  const name = (prefix.replace(/\/+$/, "").replace(/[^\w.-]+/g, "_") || "kv") + "-export.json";
  return new Response(file, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
