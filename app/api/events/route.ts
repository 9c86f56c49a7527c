import { DomainError } from "@/lib/server/errors";
import { checkDatacenter } from "@/lib/server/health/datacenters";
import { clusterStream } from "@/lib/server/health/cluster-stream";
import { estateStream } from "@/lib/server/health/estate";
import { liveStream, type StreamScope } from "@/lib/server/health/live-stream";
import { nodesStream } from "@/lib/server/health/nodes-stream";
import { SSE_HEADERS } from "@/lib/server/health/sse";
import { serviceExists } from "@/lib/server/health/service-exists";
import { route } from "@/lib/server/http/route";
import { getWatchRegistry } from "@/lib/server/wiring";

export const dynamic = "force-dynamic";

/**
 * Live health as Server-Sent Events: `?dc=` and, for one service's page, `?service=`.
 * Both are checked against what Consul knows before any watch starts, so the
 * server's watches stay bounded whatever the requests.
 */
export const GET = route(async (req: Request) => {
  const params = new URL(req.url).searchParams;
  const dc = params.get("dc") || undefined;
  const service = params.get("service");
  // `scope=datacenters`: every datacenter at once; `scope=nodes`: the nodes of `dc`; `scope=cluster`: Consul's own health in `dc`.
  const extra = params.get("scope");
  if (extra === "datacenters") return new Response(estateStream(req.signal), { headers: SSE_HEADERS });
  await checkDatacenter(dc);
  if (extra === "cluster") return new Response(clusterStream(dc, req.signal), { headers: SSE_HEADERS });
  if (extra === "nodes") {
    const lease = getWatchRegistry().acquire(dc);
    try {
      return new Response(nodesStream(lease, req.signal), { headers: SSE_HEADERS });
    } catch (err) {
      lease.release();
      throw err;
    }
  }
  if (service !== null) {
    const exists = await serviceExists(dc, service);
    if (exists === false) throw new DomainError("not_found", `There is no service “${service}” in ${dc ? `datacenter ${dc}` : "this datacenter"}.`);
    // undefined: Consul cannot be asked now; the stream shows that, and the service's own watch
    // starts only once the shared watch lists the service.
  }
  const scope: StreamScope = service !== null ? { kind: "service", name: service } : { kind: "overview" };
  const lease = getWatchRegistry().acquire(dc);
  let body: ReadableStream<Uint8Array>;
  try {
    body = liveStream(lease, scope, req.signal);
  } catch (err) {
    lease.release();
    throw err;
  }
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-store, no-transform",
      connection: "keep-alive",
      // Proxies such as nginx would otherwise buffer the stream.
      "x-accel-buffering": "no",
    },
  });
});
