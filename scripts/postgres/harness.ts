import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../consul/ports";

/**
 * A throw-away PostgreSQL for tests: initdb into a temp dir, `postgres` on a free loopback
 * port, stopped and removed afterwards. PostgreSQL refuses to run as root, so as root it
 * runs as a system user (`pgtest`, created if missing; else `nobody`) that owns the dir.
 * Binaries: PG_BIN, else the newest /usr/lib/postgresql/<ver>/bin (Debian's package).
 */
export interface TestPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function postgresBinDir(): string | null {
  if (process.env.PG_BIN && existsSync(path.join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  return postgresBinDir() ? null : "PostgreSQL binaries not found (install Debian's postgresql package, or set PG_BIN)";
}

/** As root: the user the server runs as. Otherwise null (run as ourselves). */
function runAsUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  if (spawnSync("id", ["pgtest"]).status === 0) return "pgtest";
  const made = spawnSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "pgtest"]);
  return made.status === 0 ? "pgtest" : "nobody";
}

function command(user: string | null, bin: string, args: string[]): [string, string[]] {
  return user ? ["runuser", ["-u", user, "--", bin, ...args]] : [bin, args];
}

async function waitReady(proc: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`postgres exited with ${proc.exitCode}:\n${log()}`);
    if (/ready to accept connections/.test(log())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`postgres did not get ready within ${timeoutMs / 1000} s:\n${log()}`);
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresMissing() ?? "no PostgreSQL");
  const user = runAsUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), "dashboard-pg-"));
  chmodSync(dir, 0o755);
  const data = path.join(dir, "data");
  if (user) spawnSync("chown", ["-R", user, dir]);
  const [initCmd, initArgs] = command(user, path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
  const init = spawnSync(initCmd, initArgs, { encoding: "utf8", cwd: dir });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const [cmd, args] = command(user, path.join(bin, "postgres"), ["-D", data, "-p", String(port), "-h", "127.0.0.1", "-k", dir]);
  const proc = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], cwd: dir });
  let out = "";
  const collect = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  proc.stdout?.on("data", collect);
  proc.stderr?.on("data", collect);
  try {
    await waitReady(proc, () => out);
  } catch (err) {
    proc.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (proc.exitCode === null) {
        // A "fast" shutdown, asked of the server itself (runuser does not pass signals on).
        const [stopCmd, stopArgs] = command(user, path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-W", "stop"]);
        spawnSync(stopCmd, stopArgs, { cwd: dir, stdio: "ignore" });
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            proc.kill("SIGKILL");
            resolve();
          }, 10_000);
          proc.once("exit", () => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
