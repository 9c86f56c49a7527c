import { spawn } from "node:child_process";
import { ensureConsulBinary } from "./binary";

/** `npm run consul -- <args>`: runs the pinned Consul agent/CLI, building it on first use. */
function main(): void {
  const bin = ensureConsulBinary();
  const child = spawn(bin, process.argv.slice(2), { stdio: "inherit" });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
