// A day of health history in a data directory, as a dashboard that has run for a day leaves it:
// so a test or the bench opens the charts with a full day (1,440 points) and not a few minutes.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "../consul/binary";
import type { PastDayRequest } from "./past-day-writer";

const WRITER = path.join(ROOT, "scripts", "history", "past-day-writer.ts");

/** Writes `history-@local.json` (the agent's own datacenter) into `dir`; resolves when it is on disk. */
export async function writePastDay(dir: string, services: string[], opts: { minutes?: number; failingPerMinute?: number } = {}): Promise<void> {
  const req: PastDayRequest = { dir, services, minutes: opts.minutes ?? 24 * 60, failingPerMinute: opts.failingPerMinute ?? 3 };
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WRITER], {
    cwd: ROOT,
    stdio: ["pipe", "ignore", "pipe"],
  });
  // On stdin: 10,000 names are too long for a command line.
  child.stdin.end(JSON.stringify(req));
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`Could not write a day of history (exit ${code}): ${err.trim()}`);
}
