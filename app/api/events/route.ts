import { checkDatacenter } from "@/lib/server/health/datacenters";
import { liveStream, type StreamScope } from "@/lib/server/health/live-stream";
import { route } from "@/lib/server/http/route";
import { getWatchRegistry } from "@/lib/server/wiring";

export const dynamic = "force-dynamic";

/** Live health as Server-Sent Events: `?dc=` and, for one service's page, `?service=`. */
export const GET = route(async (req: Request) => {
  const params = new URL(req.url).searchParams;
  const dc = params.get("dc") || undefined;
  const service = params.get("service");
  await checkDatacenter(dc);
  const scope: StreamScope = service ? { kind: "service", name: service } : { kind: "overview" };
  const lease = getWatchRegistry().acquire(dc);
  return new Response(liveStream(lease, scope, req.signal), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-store, no-transform",
      connection: "keep-alive",
      // Proxies such as nginx would otherwise buffer the stream.
      "x-accel-buffering": "no",
    },
  });
});
