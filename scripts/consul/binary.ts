import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";

/** Project root (this file lives in scripts/consul/). */
export const ROOT = path.resolve(__dirname, "..", "..");
const MODULE_DIR = path.join(ROOT, "tools", "consul");

/** The Consul version pinned in tools/consul/go.mod, e.g. "v1.22.7". */
function pinnedConsulVersion(): string {
  const mod = readFileSync(path.join(MODULE_DIR, "go.mod"), "utf8");
  const m = /github\.com\/hashicorp\/consul (v\d+\.\d+\.\d+\S*)/.exec(mod);
  if (!m?.[1]) throw new Error("tools/consul/go.mod does not pin github.com/hashicorp/consul");
  return m[1];
}

function cachedBinaryPath(): string {
  return path.join(ROOT, ".cache", "consul", pinnedConsulVersion(), "consul");
}

/**
 * Path to the Consul agent: CONSUL_BIN when set, else the pinned version built
 * from the Go module proxy into .cache/ (a one-off build of several minutes).
 */
export function ensureConsulBinary(log: (msg: string) => void = (m) => console.error(m)): string {
  const fromEnv = process.env.CONSUL_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CONSUL_BIN=${fromEnv} does not exist`);
    return fromEnv;
  }
  const target = cachedBinaryPath();
  if (existsSync(target)) return target;

  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.status !== 0) {
    throw new Error("Go is needed to build Consul (or set CONSUL_BIN to a consul binary): `go version` failed");
  }
  const version = pinnedConsulVersion();
  log(`Building Consul ${version} with ${go.stdout.trim()} (first run only; cached in .cache/consul)…`);
  mkdirSync(path.dirname(target), { recursive: true });
  // Build beside the target and rename, so a concurrent or interrupted build never leaves half a binary.
  const tmp = `${target}.${process.pid}.tmp`;
  const started = Date.now();
  const build = spawnSync("go", ["build", "-trimpath", "-o", tmp, "github.com/hashicorp/consul"], {
    cwd: MODULE_DIR,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, GOFLAGS: "-mod=readonly" },
  });
  if (build.status !== 0) throw new Error(`go build of Consul ${version} failed (exit ${build.status})`);
  renameSync(tmp, target);
  log(`Built Consul ${version} in ${Math.round((Date.now() - started) / 1000)} s`);
  return target;
}
