import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppServer } from "../app/app-server";
import { startDevAgent } from "../consul/dev-agent";
import { startRecordingProxy } from "../consul/recording-proxy";

/**
 * Sends 10,000 requests with distinct bogus values (dc, service, key) to a built
 * dashboard on a real dev agent and prints the server's RSS before and after: memory
 * must not grow with the number of distinct values (the audit saw 181 → 821 MB).
 * Loopback only; stops by itself. Run `npm run build` first.
 *   npx tsx scripts/bench/bogus-values.ts [--requests=10000]
 */

const total = Number(process.argv.find((a) => a.startsWith("--requests="))?.split("=")[1] ?? 10_000);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function main(): Promise<void> {
  const agent = await startDevAgent();
  const proxy = await startRecordingProxy(agent.url);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bogus-values-"));
  const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: proxy.url, DASHBOARD_DATA_DIR: dataDir } });
  try {
    const pid = app.process.pid ?? 0;
    // Warm up: the first requests load code; measure after them.
    for (let i = 0; i < 50; i++) await fetch(`${app.url}/api/history`).then((r) => r.arrayBuffer());
    const before = rssMb(pid);
    proxy.reset();
    const kinds = [
      (i: number) => `/api/history?dc=bogus-${i}`,
      (i: number) => `/api/events?dc=bogus-${i}`,
      (i: number) => `/api/services?dc=bogus-${i}`,
      (i: number) => `/api/events?service=bogus-${i}`,
      (i: number) => `/api/history?service=bogus-${i}`,
      (i: number) => `/api/kv?key=${encodeURIComponent(`bogus/${i}/../x`)}`,
    ];
    const statuses = new Map<number, number>();
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < total; i = next++) {
        const url = (kinds[i % kinds.length] ?? kinds[0]!)(i);
        const res = await fetch(`${app.url}${url}`);
        await res.arrayBuffer().catch(() => undefined);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const seconds = (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
    const after = rssMb(pid);
    const requests = proxy.requests();
    console.log(`bogus values: ${total} requests in ${seconds.toFixed(1)} s; answers ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(`dashboard RSS: ${before} MB before → ${after} MB after; ${requests.length} requests reached Consul`);
  } finally {
    await app.stop();
    await proxy.close();
    await agent.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
