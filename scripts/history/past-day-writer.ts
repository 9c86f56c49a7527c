// Run by past-day.ts in a process of its own (with the react-server condition, as the dashboard's
// server code requires): writes a day of health history through the dashboard's own HistoryStore.
import type { ServiceStatus } from "../../lib/api/overview";
import { HistoryStore } from "../../lib/server/history/store";

const MINUTE = 60_000;

export interface PastDayRequest {
  dir: string;
  /** Service names, all OK but for the few that fail each minute. */
  services: string[];
  minutes: number;
  /** Services not OK in each minute (a different few every minute, so every minute's counts differ). */
  failingPerMinute: number;
}

/** Deterministic: in minute m, `failing` services spread by primes are DEGRADED or DOWN (DOWN one time in three). */
function statusAt(i: number, m: number, req: PastDayRequest): ServiceStatus {
  const n = req.services.length;
  for (let k = 0; k < req.failingPerMinute; k++) {
    if ((m * 7919 + k * 104_729 + (m % 5) * k) % n === i) return ((m >> 2) + k) % 3 === 0 ? "DOWN" : "DEGRADED";
  }
  return "OK";
}

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += String(chunk);
  const req = JSON.parse(input) as PastDayRequest;
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  let now = end - req.minutes * MINUTE;
  const store = new HistoryStore(req.dir, 24 * 60, () => now);
  for (let m = 0; m < req.minutes; m++, now += MINUTE) {
    store.record("", req.services.map((name, i) => ({ name, status: statusAt(i, m, req) })));
  }
  await store.flush();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
