import { parseArgs } from "node:util";

export interface DemoOptions {
  /** Dashboard port asked for (flag or PORT); undefined means 3000 if free, else any free port. */
  port?: number;
  help: boolean;
}

export const USAGE = `Usage: npm run demo [-- --port <n>]

Builds what is missing, starts a Consul dev agent (port 8500 if free), registers a
demo estate, seeds KV, serves the dashboard and prints its URL. Ctrl-C stops it all.

  --port <n>   dashboard port (also PORT=<n>); default 3000 if free, else a free port
  --help       this text`;

export function parsePort(raw: string, source: string): number {
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${source} must be a port number from 1 to 65535, got "${raw}"`);
  }
  return n;
}

/** Flags win over the environment, as with most CLIs. */
export function parseDemoOptions(argv: string[], env: Record<string, string | undefined>): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  const help = values.help ?? false;
  if (values.port !== undefined) return { port: parsePort(values.port, "--port"), help };
  if (env.PORT !== undefined && env.PORT.trim() !== "") return { port: parsePort(env.PORT, "PORT"), help };
  return { help };
}
