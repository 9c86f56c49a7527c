// Vitest global setup: the unit run gets one empty data directory, set before the test workers
// start (they inherit it), so no test writes history, SQLite or a session key into ./data.
// Removed when the run ends.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dashboard-unit-"));
  process.env.DASHBOARD_DATA_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
