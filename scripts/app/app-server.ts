import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../consul/binary";
import { freePort, pollUntil } from "../consul/ports";
import { supervise } from "../process/supervise";

export interface AppServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server printed, for assertions and error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface AppServerOptions {
  /** Environment for the dashboard (CONSUL_HTTP_ADDR, tokens, TLS files…); merged over a clean base. */
  env: Record<string, string | undefined>;
  port?: number;
  /** Print the server's output as it comes. */
  echo?: boolean;
  /** Resolve once the server answers; false to return at once (e.g. to see it refuse bad config). */
  waitReady?: boolean;
}

const START = path.join(ROOT, "scripts", "app", "start.mjs");

/** Starts the built dashboard as `npm start` does (scripts/app/start.mjs) on 127.0.0.1 and waits until it answers. */
export async function startAppServer(opts: AppServerOptions): Promise<AppServer> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("The dashboard is not built: run `npm run build` first");
  }
  const port = opts.port ?? (await freePort());
  // Only what the dashboard should see: no Consul variables leak in from the caller's shell.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CONSUL_") && !k.startsWith("DASHBOARD_")));
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: { ...base, NODE_ENV: "production", DASHBOARD_HOST: "127.0.0.1", PORT: String(port), ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const proc = supervise(child, (line) => {
    out = `${out}${line}\n`.slice(-20_000);
    if (opts.echo) process.stdout.write(`${line}\n`);
  });
  const url = `http://127.0.0.1:${port}`;
  const server: AppServer = {
    url,
    port,
    process: child,
    output: () => out,
    stop: () => proc.stop("SIGTERM", 5_000),
  };
  if (opts.waitReady === false) return server;
  try {
    await pollUntil(`the dashboard at ${url}`, async () => {
      if (proc.exitCode() !== undefined) throw new Error(`the dashboard exited with ${proc.exitCode()}:\n${out}`);
      const res = await fetch(`${url}/api/healthz`).catch(() => undefined);
      return res ? true : undefined;
    });
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}
