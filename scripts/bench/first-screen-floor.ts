/**
 * npm run bench:floor -- [--services=5000] [--rounds=12]
 *
 * Where a service page's first screen goes in the browser. Against a real dev agent (S × 10
 * instances) and the built dashboard, it keeps one service page's HTML as the server rendered it
 * and replays it from a second loopback server in variants: with and without the dashboard's
 * headers, with and without `Cross-Origin-Opener-Policy`, with its scripts as Next emits them,
 * deferred, added only after the first frame, or removed (the chunks and /api are passed through
 * to the dashboard). A bare page with one row gives the browser's own floor. Every variant is
 * timed like `npm run bench` times first screens (fresh tab, the page's clock), in alternating
 * order after one warm-up round, and a table of medians is printed. A diagnosis, not a product
 * change: the variants show what each part costs, not something the dashboard serves.
 */
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { startAppServer } from "../app/app-server";
import { CHROMIUM_ARGS, chromiumPath } from "../browser/chromium";
import { freePort, pollUntil } from "../consul/ports";
import { startDevAgent } from "../consul/dev-agent";
import { SeedApi } from "../consul/seed-api";
import { flag } from "./cli";
import { timeFirstScreen } from "./first-screen-timer";
import { seed, serviceName } from "./seed";

const SELECTOR = "[data-instance]";
const log = (msg: string) => console.error(`[floor] ${msg}`);

/** The same document without its scripts: inline ones, external ones and their preloads. */
function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/<link rel="preload" as="script"[^>]*>/g, "");
}

/** The external scripts added by an inline script once the first frame is painted (what hydrating later would give). */
function scriptsAfterFirstFrame(html: string): string {
  const srcs = [...html.matchAll(/<script src="([^"]+)"[^>]*><\/script>/g)].map((m) => m[1]);
  const loader = `<script>requestAnimationFrame(() => setTimeout(() => { for (const src of ${JSON.stringify(srcs)}) { const s = document.createElement("script"); s.src = src; s.async = true; document.head.appendChild(s); } }, 0));</script>`;
  return html.replace(/<script src="[^"]+"[^>]*><\/script>/g, "").replace(/<link rel="preload" as="script"[^>]*>/g, "").replace("</body>", `${loader}</body>`);
}

interface Variant {
  name: string;
  coop: boolean;
  body: () => string;
  headers?: Record<string, string>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const services = flag("services", 5000);
  const rounds = flag("rounds", 12);
  const agent = await startDevAgent();
  const cleanups: (() => Promise<unknown>)[] = [() => agent.stop()];
  try {
    log(`seeding ${services} services × 10 instances`);
    await seed(new SeedApi(agent.url), { services, instances: 10 });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "floor-data-"));
    cleanups.unshift(async () => rmSync(dataDir, { recursive: true, force: true }));
    const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_DATA_DIR: dataDir } });
    cleanups.unshift(() => app.stop());
    await pollUntil("the dashboard's watch to be ready", async () => ((await fetch(`${app.url}/api/readyz`)).ok ? true : undefined), { timeoutMs: 180_000, intervalMs: 250 });

    // The service page as the warm server renders it, kept once and replayed.
    const pagePath = `/services/${serviceName(1)}`;
    const res = await fetch(app.url + pagePath);
    const html = await res.text();
    if (!res.headers.get("cross-origin-opener-policy")) throw new Error("the dashboard no longer sends COOP: this comparison needs updating");
    if (!html.includes("data-instance=")) throw new Error(`${pagePath} has no instance rows in its HTML`);
    const liveHeaders = Object.fromEntries([...res.headers].filter(([k]) => !/^(content-encoding|content-length|transfer-encoding|connection|keep-alive|date)$/.test(k)));
    const bare = `<!doctype html><html><head><title>floor</title></head><body><p data-instance="x">one row</p></body></html>`;
    const variants: Variant[] = [
      { name: "service page's HTML, scripts, the dashboard's headers", coop: true, body: () => html, headers: liveHeaders },
      { name: "service page's HTML, scripts", coop: true, body: () => html },
      { name: "service page's HTML, scripts deferred", coop: true, body: () => html.replace(/(<script src="[^"]+") async=""/g, '$1 defer=""') },
      { name: "service page's HTML, scripts after the first frame", coop: true, body: () => scriptsAfterFirstFrame(html) },
      { name: "service page's HTML, scripts", coop: false, body: () => html },
      { name: "service page's HTML, no scripts", coop: true, body: () => withoutScripts(html) },
      { name: "service page's HTML, no scripts", coop: false, body: () => withoutScripts(html) },
      { name: "a bare page with one row", coop: true, body: () => bare },
      { name: "a bare page with one row", coop: false, body: () => bare },
    ];

    // The replay server: variant pages by index, everything else passed through to the dashboard.
    const port = await freePort();
    const target = new URL(app.url);
    const replay = http.createServer((req, out) => {
      const m = /^\/variant\/(\d+)\b/.exec(req.url ?? "");
      const v = m ? variants[Number(m[1])] : undefined;
      if (v) {
        out.setHeader("content-type", "text/html; charset=utf-8");
        out.setHeader("cache-control", "no-store");
        for (const [k, val] of Object.entries(v.headers ?? {})) out.setHeader(k, val);
        if (v.coop) out.setHeader("cross-origin-opener-policy", "same-origin");
        out.end(v.body());
        return;
      }
      const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (r) => {
        out.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(out);
      });
      up.on("error", () => out.destroy());
      req.pipe(up);
    });
    await new Promise<void>((r) => replay.listen(port, "127.0.0.1", r));
    cleanups.unshift(() => new Promise((r) => replay.close(r)));
    const replayUrl = `http://127.0.0.1:${port}`;

    const b = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    cleanups.unshift(() => b.close());
    const rows = [{ name: "the dashboard's service page (served live)", coop: true, url: () => app.url + pagePath }, ...variants.map((v, i) => ({ ...v, url: () => `${replayUrl}/variant/${i}` }))];
    const paint = rows.map(() => [] as number[]);
    const inDom = rows.map(() => [] as number[]);
    const htmlEnd = rows.map(() => [] as number[]);
    // One warm-up round (chunks into the HTTP cache, the server's routes compiled), then alternating orders.
    for (let round = 0; round <= rounds; round++) {
      const order = rows.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const i of order) {
        const t = await timeFirstScreen(b, `${rows[i]!.url()}?round=${round}`, SELECTOR);
        if (round === 0) continue;
        paint[i]!.push(t.paint);
        inDom[i]!.push(t.inDom);
        htmlEnd[i]!.push(t.responseEnd);
      }
      log(`round ${round} of ${rounds} done`);
    }
    console.log(`\nService page first screen in a fresh tab, ${rounds} rounds, S = ${services.toLocaleString("en-US")} × 10 (page's clock, medians):\n`);
    console.log("| Page | COOP | HTML's last byte | row in the DOM | first screen (painted) | min / max |");
    console.log("|---|---|---:|---:|---:|---|");
    rows.forEach((r, i) => {
      console.log(`| ${r.name} | ${r.coop ? "same-origin" : "none"} | ${median(htmlEnd[i]!)} ms | ${median(inDom[i]!)} ms | ${median(paint[i]!)} ms | ${Math.min(...paint[i]!)} / ${Math.max(...paint[i]!)} ms |`);
    });
  } finally {
    for (const c of cleanups) await c().catch(() => {});
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
