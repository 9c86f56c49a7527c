/**
 * npm run bench -- [--services=5000] [--instances=10] [--flips=20] [--clients=50] [--no-browser]
 *
 * Against real Consul dev agent(s) on loopback: seeds S×I instances via /v1/txn, starts the
 * built dashboard behind a counting proxy, opens V SSE clients and a real Chromium page,
 * flips K checks and prints a markdown table of what it measured.
 */
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { startAppServer } from "../app/app-server";
import { startDevAgent } from "../consul/dev-agent";
import { SeedApi } from "../consul/seed-api";
import { chromiumPath } from "../browser/chromium";
import { startCountingProxy } from "./counting-proxy";
import { seed, serviceName, setCheck, type SeedLayout } from "./seed";
import { openSse, type SseClient } from "./sse-client";

function flag(name: string, def: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  const v = a ? Number(a.split("=")[1]) : def;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m?.[1] ? Number(m[1]) / 1024 : NaN;
}

const log = (msg: string) => console.error(`[bench] ${msg}`);

async function main() {
  const layout: SeedLayout = { services: flag("services", 5000), instances: flag("instances", 10) };
  const flips = flag("flips", 20);
  const manyClients = flag("clients", 50);
  const browser = !process.argv.includes("--no-browser");
  const flipGapMs = 1_000;

  const agent = await startDevAgent();
  const consul = new SeedApi(agent.url);
  const cleanups: (() => Promise<void>)[] = [() => agent.stop()];
  try {
    log(`agent at ${agent.url}; seeding ${layout.services} services × ${layout.instances} instances`);
    const t0 = Date.now();
    const ops = await seed(consul, layout);
    log(`seeded ${ops} txn operations in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const proxy = await startCountingProxy(agent.url);
    cleanups.unshift(() => proxy.close());
    const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: proxy.url } });
    cleanups.unshift(() => app.stop());
    let peakRss = rssMb(app.process.pid);
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssMb(app.process.pid))), 250);
    cleanups.unshift(async () => clearInterval(rssTimer));

    const results: [string, string, string][] = [];

    // First render of the full overview in Chromium, cold (the watch starts) and warm (it is running).
    const b = browser ? await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] }) : undefined;
    if (b) cleanups.unshift(() => b.close());
    const firstRender = async () => {
      if (!b) return NaN;
      const page = await b.newPage();
      const start = Date.now();
      await page.goto(`${app.url}/`);
      await page.getByTestId("total-services").filter({ hasText: String(layout.services + 1) }).waitFor({ timeout: 120_000 });
      await page.locator("[data-service]").first().waitFor();
      const ms = Date.now() - start;
      await page.close();
      return ms;
    };
    const cold = await firstRender();
    const warm = await firstRender();
    log(`first render: cold ${cold} ms, warm ${warm} ms`);

    // Flips K checks (distinct services, instance 0) and measures change → SSE arrival on every client.
    const runFlips = async (clients: SseClient[], status: "critical" | "passing", offset: number) => {
      const latencies: number[] = [];
      const bytes: number[] = [];
      proxy.reset();
      const start = Date.now();
      for (let k = 0; k < flips; k++) {
        const svc = offset + k;
        const before = clients[0]?.bytes ?? 0;
        const at = Date.now();
        await setCheck(consul, layout, svc, 0, status);
        const arrivals = await Promise.all(clients.map((c) => c.waitFor(serviceName(svc), at, 30_000)));
        for (const a of arrivals) latencies.push(a - at);
        bytes.push((clients[0]?.bytes ?? 0) - before);
        await new Promise((r) => setTimeout(r, Math.max(0, flipGapMs - (Date.now() - at))));
      }
      const minutes = (Date.now() - start) / 60_000;
      return { latencies, bytes, perMinute: proxy.total() / minutes, counts: proxy.counts() };
    };

    const url = `${app.url}/api/events`;
    const one = [openSse(url)];
    await Promise.all(one.map((c) => c.ready));
    const r1 = await runFlips(one, "critical", 0);
    log(`V=1: ${JSON.stringify([...r1.counts])}`);
    const many = [...one, ...Array.from({ length: manyClients - 1 }, () => openSse(url))];
    await Promise.all(many.map((c) => c.ready));
    const rN = await runFlips(many, "passing", 0);
    log(`V=${manyClients}: ${JSON.stringify([...rN.counts])}`);

    // change → DOM in Chromium: the page shows the first ten services; flips land in its rows.
    let dom: number[] = [];
    if (b) {
      const page = await b.newPage();
      await page.goto(`${app.url}/?q=${serviceName(0).slice(0, -1)}&sort=name`);
      await page.locator(`[data-service="${serviceName(0)}"]`).waitFor({ timeout: 60_000 });
      await page.evaluate(() => {
        const w = window as unknown as { __changes: { name: string; text: string; at: number }[] };
        w.__changes = [];
        new MutationObserver((muts) => {
          for (const m of muts) {
            const cell = (m.target instanceof Element ? m.target : m.target.parentElement)?.closest("[data-testid=healthy-total]");
            const row = cell?.closest("[data-service]");
            if (cell && row) w.__changes.push({ name: row.getAttribute("data-service") ?? "", text: cell.textContent ?? "", at: Date.now() });
          }
        }).observe(document.body, { subtree: true, characterData: true, childList: true });
      });
      for (let k = 0; k < Math.min(flips, 10); k++) {
        const name = serviceName(k);
        const at = Date.now();
        await setCheck(consul, layout, k, 0, "critical");
        const handle = await page.waitForFunction(
          ([n, t, expect]) => (window as unknown as { __changes: { name: string; text: string; at: number }[] }).__changes.find((c) => c.name === n && c.at >= t && c.text === expect)?.at,
          [name, at, `${layout.instances - 1}/${layout.instances}`] as const,
          { timeout: 30_000 },
        );
        dom.push(Number(await handle.jsonValue()) - at);
        await setCheck(consul, layout, k, 0, "passing");
        await new Promise((r) => setTimeout(r, 300));
      }
      await page.close();
      dom = dom.filter((x) => Number.isFinite(x));
    }
    for (const c of many) c.close();

    const f = (n: number, unit = "ms") => (Number.isFinite(n) ? `${Math.round(n)} ${unit}` : "n/a");
    results.push(["change → SSE client latency p50 / p95 (V=1)", `${f(pct(r1.latencies, 50))} / ${f(pct(r1.latencies, 95))}`, ""]);
    results.push([`change → SSE client latency p50 / p95 (V=${manyClients})`, `${f(pct(rN.latencies, 50))} / ${f(pct(rN.latencies, 95))}`, ""]);
    results.push(["change → DOM p95 in Chromium", f(pct(dom, 95)), "≤ 1 s"]);
    results.push(["upstream Consul requests / min (V=1)", r1.perMinute.toFixed(1), ""]);
    results.push([`upstream Consul requests / min (V=${manyClients})`, rN.perMinute.toFixed(1), ""]);
    results.push([`ratio V=${manyClients} / V=1`, (rN.perMinute / r1.perMinute).toFixed(2), "≤ 1.1"]);
    results.push(["bytes pushed per single-check change (per client)", f(pct(r1.bytes, 50), "B"), ""]);
    results.push(["server RSS (peak)", f(peakRss, "MB"), "≤ 400 MB"]);
    results.push([`overview first render, S=${layout.services} (cold / warm)`, `${f(cold)} / ${f(warm)}`, "≤ 1.5 s"]);

    console.log(`\nS=${layout.services} services × I=${layout.instances} instances, K=${flips} flips, one flip per ${flipGapMs} ms\n`);
    console.log("| Measure | Result | Aim |\n|---|---|---|");
    for (const [m, r, a] of results) console.log(`| ${m} | ${r} | ${a} |`);
  } finally {
    for (const c of cleanups) await c().catch(() => {});
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
