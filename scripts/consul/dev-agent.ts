import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureConsulBinary } from "./binary";
import { freePort, pollUntil } from "./ports";
import { supervise } from "../process/supervise";

export interface DevAgentOptions {
  /** Datacenter name (default dc1). */
  datacenter?: string;
  nodeName?: string;
  /** HTTP port to use; a free one when absent. */
  httpPort?: number;
  /** Serf WAN address (127.0.0.1:port) of another agent to join across datacenters. */
  joinWan?: string;
  /** Extra HCL configuration (ACLs, TLS, limits…), written to a config file. */
  hcl?: string;
  /** Serve HTTPS on this port (with `hcl` giving the TLS settings) and disable plain HTTP. */
  https?: boolean;
  /** Where the agent's output goes; a ring buffer kept for error messages when absent. */
  log?: (line: string) => void;
}

export interface DevAgent {
  /** Base URL of the HTTP(S) API, e.g. http://127.0.0.1:41234 */
  url: string;
  httpPort: number;
  serfWanPort: number;
  datacenter: string;
  nodeName: string;
  process: ChildProcess;
  /** Stops the agent (SIGTERM, then SIGKILL after 10 s) and removes its temp files. */
  stop(): Promise<void>;
  /** Kills the agent at once, as a crash would (for failure tests). */
  kill(): Promise<void>;
}

interface Ports {
  http: number;
  serverRpc: number;
  serfLan: number;
  serfWan: number;
}

async function pickPorts(httpPort?: number): Promise<Ports> {
  const taken = new Set<number>();
  const next = async (): Promise<number> => {
    for (;;) {
      const p = await freePort();
      if (!taken.has(p)) {
        taken.add(p);
        return p;
      }
    }
  };
  if (httpPort) taken.add(httpPort);
  return { http: httpPort ?? (await next()), serverRpc: await next(), serfLan: await next(), serfWan: await next() };
}

/**
 * Starts `consul agent -dev` with every port moved to a free loopback port
 * (DNS and gRPC disabled), so several run side by side and none clashes with a
 * Consul on 8500. Resolves once the agent has a leader.
 */
export async function startDevAgent(opts: DevAgentOptions = {}): Promise<DevAgent> {
  const bin = ensureConsulBinary();
  let lastError: unknown;
  // A free port can be taken between choosing it and the agent binding it: try a few times.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(bin, opts);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function startOnce(bin: string, opts: DevAgentOptions): Promise<DevAgent> {
  const ports = await pickPorts(opts.httpPort);
  const datacenter = opts.datacenter ?? "dc1";
  const nodeName = opts.nodeName ?? `dev-${datacenter}-${ports.http}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "consul-dev-"));
  const args = [
    "agent",
    "-dev",
    "-bind=127.0.0.1",
    "-client=127.0.0.1",
    `-datacenter=${datacenter}`,
    `-node=${nodeName}`,
    `-server-port=${ports.serverRpc}`,
    `-serf-lan-port=${ports.serfLan}`,
    `-serf-wan-port=${ports.serfWan}`,
    "-dns-port=-1",
    "-grpc-port=-1",
    "-grpc-tls-port=-1",
    "-disable-host-node-id",
  ];
  let hcl = opts.hcl ?? "";
  if (opts.https) {
    hcl += `\nports { http = -1\n https = ${ports.http} }\n`;
  } else {
    args.push(`-http-port=${ports.http}`);
  }
  if (hcl.trim()) {
    const file = path.join(dir, "extra.hcl");
    writeFileSync(file, hcl);
    args.push(`-config-file=${file}`);
  }
  if (opts.joinWan) args.push(`-retry-join-wan=${opts.joinWan}`);

  const recent: string[] = [];
  let leaderLogged = false;
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  const proc = supervise(child, (line) => {
    if (opts.log) opts.log(line);
    if (line.includes("cluster leadership acquired") || line.includes("New leader elected")) leaderLogged = true;
    recent.push(line);
    if (recent.length > 40) recent.shift();
  });

  const scheme = opts.https ? "https" : "http";
  const url = `${scheme}://127.0.0.1:${ports.http}`;
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const stopWith = async (signal: NodeJS.Signals, graceMs: number) => {
    await proc.stop(signal, graceMs);
    cleanup();
  };

  try {
    await pollUntil(
      `a leader in Consul dev agent ${nodeName} at ${url}`,
      async () => {
        if (proc.exitCode() !== undefined) {
          throw new Error(`consul agent exited with ${proc.exitCode()}:\n${recent.join("\n")}`);
        }
        // Over HTTPS the probe would need the test's client certificate; the agent's log says when it leads.
        if (opts.https) return leaderLogged ? true : undefined;
        const res = await fetch(`${url}/v1/status/leader`).catch(() => undefined);
        if (!res?.ok) return undefined;
        const leader = (await res.json()) as string;
        return leader ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  } catch (err) {
    await stopWith("SIGKILL", 0);
    throw err;
  }

  return {
    url,
    httpPort: ports.http,
    serfWanPort: ports.serfWan,
    datacenter,
    nodeName,
    process: child,
    stop: () => stopWith("SIGTERM", 10_000),
    kill: () => stopWith("SIGKILL", 0),
  };
}
