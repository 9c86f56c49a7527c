import "server-only";
import { getClusterPoller } from "../cluster/poller";
import { sseBody, sseFrame } from "./sse";

/**
 * `/api/events?scope=cluster&dc=`: Consul's own health in one datacenter (`cluster` events), from the
 * shared slow poll; the single-datacenter wall shows it when the servers are degraded.
 */
export function clusterStream(dc: string | undefined, abort: AbortSignal): ReadableStream<Uint8Array> {
  const poller = getClusterPoller();
  const key = dc ?? "";
  return sseBody(abort, (sink) => {
    const send = () => sink.send(sseFrame("cluster", poller.health(key)));
    const release = poller.acquire(key, send);
    send();
    return release;
  });
}
