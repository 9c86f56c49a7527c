import http from "node:http";

export interface RawAnswer {
  status: number;
  body: string;
  ms: number;
}

/**
 * Sends a request with its path exactly as given: fetch would resolve `..` and `%2e`
 * segments before sending, and the point is to see what the dashboard does with them.
 * Streams (SSE) are cut after their status and first bytes.
 */
export function rawRequest(
  base: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  const url = new URL(base);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: opts.method ?? "GET", path, headers: opts.headers, setHost: true },
      (res) => {
        let body = "";
        const done = () => resolve({ status: res.statusCode ?? 0, body, ms: Date.now() - started });
        const stream = String(res.headers["content-type"] ?? "").startsWith("text/event-stream");
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
          if (stream || body.length > 200_000) {
            res.destroy();
            done();
          }
        });
        res.on("end", done);
        res.on("error", done);
        if (stream) setTimeout(() => (res.destroy(), done()), 500);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 20_000, () => req.destroy(new Error(`no answer to ${path} within ${opts.timeoutMs ?? 20_000} ms`)));
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
