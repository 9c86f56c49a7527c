import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What `next build` reads: a change to any of these makes the build stale. */
const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.ts", "package.json", "instrumentation.ts"];

function newestMtimeMs(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(p)) newest = Math.max(newest, newestMtimeMs(path.join(p, e)));
  return newest;
}

/** Why the dashboard needs building, or undefined when `.next/BUILD_ID` is newer than every input. */
export function staleBuildReason(root: string, inputs: string[] = BUILD_INPUTS): string | undefined {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const built = statSync(buildId).mtimeMs;
  const changed = inputs.filter((i) => newestMtimeMs(path.join(root, i)) > built);
  return changed.length ? `changed since the last build: ${changed.join(", ")}` : undefined;
}

/** Runs `next build` with its output shown, so a first run is not a silent minute. */
export function runNextBuild(root: string): Promise<void> {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (!existsSync(nextBin)) return Promise.reject(new Error("Next.js is not installed: run `npm ci` first"));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ? `signal ${signal}` : `exit ${code}`})`)),
    );
  });
}
