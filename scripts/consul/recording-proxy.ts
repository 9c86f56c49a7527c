import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The path exactly as the dashboard sent it (after its URL parser), without the query. */
  path: string;
  /** The raw query string, without "?". */
  query: string;
  /** When the request arrived and when its response ended (Date.now()), for timelines. */
  startedAt: number;
  endedAt?: number;
}

export interface RecordingProxy {
  url: string;
  /** Every request forwarded since the last reset, in order. */
  requests(): RecordedRequest[];
  /** Connections from the dashboard open right now, and the most open at once since the last reset. */
  connections(): { open: number; peak: number };
  /** Responses with this status seen since the last reset (e.g. 429 from Consul). */
  statusCount(status: number): number;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a Consul agent that records the method, path and
 * query of every request and counts concurrent connections, so a test can prove which
 * Consul endpoints the dashboard reached and how many connections it held at once.
 * (scripts/bench/counting-proxy.ts gives its requests as counts by path.)
 */
export interface RecordingProxyOptions {
  /** Holds a request back until the promise settles (a slow Consul for one endpoint); undefined forwards at once. */
  hold?: (req: RecordedRequest) => Promise<void> | undefined;
}

export async function startRecordingProxy(target: string, opts: RecordingProxyOptions = {}): Promise<RecordingProxy> {
  const upstream = new URL(target);
  // The proxy's own connections to Consul are not capped: only the dashboard's count.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let log: RecordedRequest[] = [];
  let statuses = new Map<number, number>();
  let open = 0;
  let peak = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const rec: RecordedRequest = { method: req.method ?? "GET", path: q < 0 ? raw : raw.slice(0, q), query: q < 0 ? "" : raw.slice(q + 1), startedAt: Date.now() };
    log.push(rec);
    res.on("finish", () => (rec.endedAt = Date.now()));
    const forward = () => {
      if (res.closed || req.socket.destroyed) return; // the client left while its request was held
      const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: raw, headers: req.headers, agent }, (up) => {
        statuses.set(up.statusCode ?? 0, (statuses.get(up.statusCode ?? 0) ?? 0) + 1);
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.on("error", (err) => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end(`proxy: ${err.message}`);
      });
      // A client that goes away (e.g. an aborted blocking query) must not leave the upstream request open.
      res.on("close", () => out.destroy());
      req.pipe(out);
    };
    const held = opts.hold?.(rec);
    if (held) void held.then(forward, forward);
    else forward();
  });
  server.maxConnections = 10_000;
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    open++;
    peak = Math.max(peak, open);
    socket.on("close", () => {
      sockets.delete(socket);
      open--;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...log],
    connections: () => ({ open, peak }),
    statusCount: (status) => statuses.get(status) ?? 0,
    reset: () => {
      log = [];
      statuses = new Map();
      peak = open;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
