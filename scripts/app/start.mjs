// `npm start`: serves the built dashboard on DASHBOARD_HOST (default 127.0.0.1) and PORT
// (default 3000). A plain Node script, so a production host needs no TypeScript tooling.
// It reads only these two variables, to choose where to listen; the dashboard itself
// validates them with the rest of its configuration (lib/server/config.ts).
import { existsSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { withFirstFrameScripts } from "./document-rewrite.mjs";

const host = (process.env.DASHBOARD_HOST ?? "").trim() || "127.0.0.1";
const port = (process.env.PORT ?? "").trim() || "3000";
if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) {
  console.error(`Invalid configuration: DASHBOARD_HOST: "${host}" must be a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0`);
  process.exit(1);
}
if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`Invalid configuration: PORT: "${port}" must be a port number (1-65535)`);
  process.exit(1);
}

// Next's server is started in this process (as `next start` does), with one change: its
// request listener goes through document-rewrite.mjs, which has the overview, the service
// pages and the wall load Next's scripts after their first frame.
const createServer = http.createServer;
http.createServer = function (...args) {
  http.createServer = createServer;
  const i = args.findIndex((a) => typeof a === "function");
  if (i >= 0) args[i] = withFirstFrameScripts(args[i]);
  return createServer.apply(this, args);
};

// Copied into a standalone build (.next/standalone, see README "Deploying for a team"), it
// runs that build's server.js; Next's standalone server listens on HOSTNAME.
const here = path.dirname(fileURLToPath(import.meta.url));
const standalone = path.join(here, "server.js");
// Next expects a bare IPv6 address (it brackets it itself).
const listen = host.replace(/^\[(.*)\]$/, "$1");
if (existsSync(standalone)) {
  process.env.HOSTNAME = listen;
  process.env.PORT = port;
  await import(pathToFileURL(standalone).href);
} else {
  // `next start`, in this process: Next's own CLI, which stops on SIGTERM/SIGINT as it always does.
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  process.argv = [process.argv[0], nextBin, "start", "--hostname", listen, "--port", port, ...process.argv.slice(2)];
  await import(pathToFileURL(nextBin).href);
}
