import { auditFilterFrom } from "@/lib/api/kv-history";
import { route } from "@/lib/server/http/route";
import { noStore } from "@/lib/server/http/request";
import { auditJsonLines, auditPage } from "@/lib/server/kv/audit-read";

export const dynamic = "force-dynamic";

// GET /api/audit?prefix=&who=&from=&to=&outcome=&limit= → { entries }; &format=jsonl downloads every match as JSON lines.
export const GET = route(async (req: Request) => {
  const params = new URL(req.url).searchParams;
  const filter = auditFilterFrom(params);
  if (params.get("format") === "jsonl") {
    return new Response(auditJsonLines(filter), {
      headers: { ...noStore, "content-type": "application/x-ndjson; charset=utf-8", "content-disposition": 'attachment; filename="kv-audit.jsonl"' },
    });
  }
  return Response.json({ entries: await auditPage(filter) }, { headers: noStore });
});
