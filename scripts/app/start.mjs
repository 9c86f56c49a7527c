// `npm start`: serves the built dashboard on DASHBOARD_HOST (default 127.0.0.1) and PORT
// (default 3000). A plain Node script, so a production host needs no TypeScript tooling.
// It reads only these two variables, to choose where to listen; the dashboard itself
// validates them with the rest of its configuration (lib/server/config.ts).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

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

// Copied into a standalone build (.next/standalone, see README "Deploying for a team"), it
// runs that build's server.js in this process: Next's standalone server listens on HOSTNAME.
const standalone = path.join(path.dirname(fileURLToPath(import.meta.url)), "server.js");
if (existsSync(standalone)) {
  process.env.HOSTNAME = host.replace(/^\[(.*)\]$/, "$1");
  process.env.PORT = port;
  await import(standalone);
} else {
  startNext();
}

function startNext() {
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// Next expects a bare IPv6 address here (it brackets it itself).
const listen = host.replace(/^\[(.*)\]$/, "$1");
const child = spawn(process.execPath, [nextBin, "start", "--hostname", listen, "--port", port, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: process.env,
});
// The server drains on SIGTERM/SIGINT (lib/server/shutdown.ts); pass them on and exit as it does.
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 143)));
}
