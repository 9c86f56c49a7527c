import http from "node:http";
import net from "node:net";
import { isDown, type Schedule } from "./schedule";

/**
 * Small stand-ins for real services, on 127.0.0.1 only, that the agent's real
 * HTTP and TCP checks probe. They fail on a schedule so the dashboard changes.
 */

export interface HttpTarget {
  /** Path segment after /health/ (the agent service ID). */
  id: string;
  schedule?: Schedule;
  failStatus?: number;
}

export interface DemoHttpServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** One server for every HTTP target: GET /health/<id> answers by that target's schedule. */
export async function startDemoHttpServer(targets: HttpTarget[], elapsedMs: () => number): Promise<DemoHttpServer> {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const server = http.createServer((req, res) => {
    const id = decodeURIComponent((req.url ?? "").replace(/^\/health\//, "").split("?")[0] ?? "");
    const target = byId.get(id);
    if (!target) {
      res.writeHead(404, { "content-type": "text/plain" }).end("no such demo service\n");
      return;
    }
    const down = target.schedule !== undefined && isDown(target.schedule, elapsedMs());
    const status = down ? (target.failStatus ?? 500) : 200;
    const body = down ? `${id}: demo outage (scheduled), answering ${status}\n` : `${id}: ok\n`;
    res.writeHead(status, { "content-type": "text/plain", connection: "close" }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const addr = server.address();
  if (!addr || typeof addr === "string") throw new Error("demo HTTP server has no port");
  return {
    baseUrl: `http://127.0.0.1:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FlappingTcpServer {
  address: string;
  /** Listening or not, to match the schedule; idempotent. */
  setDown(down: boolean): Promise<void>;
  listening(): boolean;
  close(): Promise<void>;
}

/**
 * A TCP server that really stops listening during an outage (connection
 * refused, as a crashed Redis would give), then listens again on the same port.
 */
export async function startFlappingTcpServer(): Promise<FlappingTcpServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
    // Enough of Redis's greeting to look right to a human with `nc`.
    s.end("+PONG\r\n");
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once("error", onError);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", onError);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  await listen(0);
  const addr = server.address();
  if (!addr || typeof addr === "string") throw new Error("demo TCP server has no port");
  const port = addr.port;
  let closed = false;
  return {
    address: `127.0.0.1:${port}`,
    listening: () => server.listening,
    async setDown(down) {
      if (closed || down !== server.listening) return;
      if (down) await stop();
      else await listen(port);
    },
    async close() {
      closed = true;
      if (server.listening) await stop();
    },
  };
}
