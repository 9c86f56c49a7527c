import http from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  url: string;
  /** Requests forwarded so far, by path (without query). */
  counts(): Map<string, number>;
  total(pathPrefix?: string): number;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a Consul agent that counts every request, so a
 * test can prove how many upstream requests the dashboard makes.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  let counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on("error", (err) => {
      // The agent is down: the dashboard sees a closed connection, as it would without the proxy.
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`proxy: ${err.message}`);
    });
    // A client that goes away (e.g. an aborted blocking query) must not leave the upstream request open.
    res.on("close", () => out.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => new Map(counts),
    total: (prefix = "") => [...counts.entries()].filter(([p]) => p.startsWith(prefix)).reduce((n, [, c]) => n + c, 0),
    reset: () => {
      counts = new Map();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
