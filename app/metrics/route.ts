import { route } from "@/lib/server/http/route";
import { renderMetrics } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint (text exposition format). */
export const GET = route(async () => {
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
