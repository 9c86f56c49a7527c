/**
 * npm run bench -- [--services=5000] [--instances=10] [--flips=20] [--clients=50] [--tabs=5]
 *                  [--sizes=500,2000,5000,10000] [--no-browser] [--no-consul-ui]
 *
 * Against a real Consul dev agent on loopback: seeds S×I instances via /v1/txn, starts the
 * built dashboard behind a counting proxy, opens V SSE clients and real Chromium pages,
 * flips checks and prints a markdown table of what it measured. Consul's own UI (served by
 * the same agent at /ui, through a second counting proxy) is measured as a peer on the same
 * estate and the same flips, in the same run: each row reads `ours | Consul UI | ratio`.
 * `--sizes` runs the whole benchmark once per S (fresh agent each) and prints how it grows.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { startAppServer } from "../app/app-server";
import { startDevAgent } from "../consul/dev-agent";
import { SeedApi } from "../consul/seed-api";
import { CHROMIUM_ARGS, chromiumPath } from "../browser/chromium";
import { writePastDay } from "../history/past-day";
import { installDomProbe, meterBytes, waitForDomValue, type DomKind } from "./browser-probe";
import { timeClickThrough, timeFirstScreen as measureFirstScreen, untilLinkReady } from "./first-screen-timer";
import { flag } from "./cli";
import { startCountingProxy, type CountingProxy } from "./counting-proxy";
import { seed, serviceName, setCheck, type SeedLayout } from "./seed";
import { openSse, type SseClient } from "./sse-client";

function sizesFlag(): number[] | undefined {
  const a = process.argv.find((x) => x.startsWith("--sizes="));
  if (!a) return undefined;
  const sizes = (a.split("=")[1] ?? "").split(",").map(Number);
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error("--sizes must list service counts ≥ 10, e.g. --sizes=500,2000");
  return sizes;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m?.[1] ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU time (user + system, in clock ticks) a process has used so far. */
function cpuTicks(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const rest = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return NaN;
  }
}

/**
 * Waits until a process uses under 10% of one core for a whole second, at most 60 s; returns
 * how long it took. For the agent after seeding (raft apply, snapshot, GC): "right after the
 * dashboard starts" then measures the dashboard starting against a steady Consul, not Consul
 * digesting 100,000 writes. For the dashboard after its first full read: "warm" is then warm.
 */
async function settled(pid: number | undefined): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 60_000) {
    const before = cpuTicks(pid);
    await sleep(1_000);
    const used = cpuTicks(pid) - before;
    if (!Number.isFinite(used) || used < 10) break; // 100 ticks per second: 10 ticks is 10% of a core
  }
  return Date.now() - start;
}
/** Polls /api/readyz (the local watch has data) for at most 3 minutes; returns how long it took. */
async function untilReady(appUrl: string): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 180_000) {
    const res = await fetch(`${appUrl}/api/readyz`).catch(() => undefined);
    if (res?.ok) return Date.now() - start;
    await sleep(250);
  }
  throw new Error("the dashboard's watch did not become ready within 3 minutes");
}
const log = (msg: string) => console.error(`[bench] ${msg}`);
const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

interface Options {
  layout: SeedLayout;
  flips: number;
  clients: number;
  tabs: number;
  browser: boolean;
  consulUi: boolean;
  /** Dashboard starts timed (first screen right after start); the figure is their median. */
  coldStarts: number;
}

/** What one product showed in Chromium: first screen, change → DOM, bytes and Consul requests per minute. */
interface BrowserFigures {
  firstScreen: number[];
  /** A service page opened in a fresh tab, and reached by a click on the list's row. */
  servicePage: number[];
  serviceClick: number[];
  dom: number[];
  bytesPerChange: number;
  decodedPerChange: number;
  perMinute1: number;
  perMinuteT: number;
}

interface RunResult {
  opts: Options;
  seedSeconds: number;
  /** First screen right after each start, in order; the last is the measured dashboard's own. */
  colds: number[];
  /** Server side of the first screen: navigation request → the whole HTML, with the first rows in it. */
  html: number[];
  htmlRows: number;
  sse1: number[];
  sseN: number[];
  sseBytes: number;
  perMinuteV1: number;
  perMinuteVN: number;
  ours?: BrowserFigures;
  wall: number[];
  consul?: BrowserFigures;
  peakRss: number;
  load: string;
}

/** How each product is driven in the browser. */
interface Peer {
  kind: DomKind;
  proxy: CountingProxy;
  /** The page a user opens first. */
  listUrl: string;
  firstRowSelector: string;
  /** Service `i`'s page, what shows its instances, and the list's links to service pages. */
  serviceUrl: (i: number) => string;
  instanceSelector: string;
  serviceLinkSelector: string;
  /** A string expression, true in the page once a click on the link `el` would be handled. */
  linkReady: string;
  /** A view whose visible rows are serviceName(0..9). */
  flipUrl: string;
  /** What the watched service shows once one of its instances' check is critical / passing again. */
  shows: (status: "critical" | "passing") => string;
  /** Path prefix of the requests that reach Consul at this peer's proxy. */
  consulPrefix: string;
}

const FLIP_SERVICES = 10;
const BROWSER_GAP_MS = 2_500;

/** A first screen in a fresh tab (see first-screen-timer.ts), logged with where its time went. */
async function timeFirstScreen(b: Browser, url: string, selector: string): Promise<number> {
  const t = await measureFirstScreen(b, url, selector);
  log(
    `first screen ${url.replace(/^https?:\/\/[^/]+/, "")}: ${t.paint} ms on the page's clock (HTML first / last byte / row in the DOM: ${t.responseStart} / ${t.responseEnd} / ${t.inDom} ms), ${t.outside} ms on the harness's clock`,
  );
  return t.paint;
}

/** Five service pages reached from the list, by a click on a row's link (see first-screen-timer.ts). */
function clickThrough(b: Browser, peer: Peer): Promise<number[]> {
  return timeClickThrough(b, { listUrl: peer.listUrl, link: peer.serviceLinkSelector, target: peer.instanceSelector, ready: peer.linkReady, count: 5 });
}

/** change → DOM, bytes per change and Consul requests per minute with 1 tab, then with `tabs` tabs. */
async function measurePeer(b: Browser, peer: Peer, consul: SeedApi, o: Options): Promise<Omit<BrowserFigures, "firstScreen" | "servicePage" | "serviceClick">> {
  const names = Array.from({ length: FLIP_SERVICES }, (_, k) => serviceName(k));
  const page = await b.newPage();
  const extra: Page[] = [];
  try {
    await page.goto(peer.flipUrl);
    await page.locator(peer.firstRowSelector).first().waitFor({ timeout: 120_000 });
    // Loaded, not just painted: our list's scripts come after its first frame, and a chunk still
    // arriving when the meter starts would be counted as bytes of the changes.
    await untilLinkReady(page, peer.serviceLinkSelector, 0, peer.linkReady);
    await installDomProbe(page, peer.kind, names);
    const meter = await meterBytes(page);
    // Let the page settle (first snapshot, Consul UI's first blocking query) before counting.
    await sleep(1_500);

    const flipRound = async (rounds: number, measure: boolean) => {
      const dom: number[] = [];
      let changes = 0;
      meter.reset();
      peer.proxy.reset();
      const start = Date.now();
      for (let r = 0; r < rounds; r++) {
        const k = r % FLIP_SERVICES;
        for (const status of ["critical", "passing"] as const) {
          const at = Date.now();
          await setCheck(consul, o.layout, k, 0, status);
          changes++;
          const seen = await waitForDomValue(page, serviceName(k), peer.shows(status), at).catch(() => NaN);
          if (measure && status === "critical") dom.push(seen - at);
          // Changes BROWSER_GAP_MS apart: Consul's UI spaces its blocking queries (about 2 s at
          // one change per second), so a faster pace would measure its spacing, not its reaction.
          await sleep(Math.max(0, BROWSER_GAP_MS - (Date.now() - at)));
        }
      }
      const minutes = (Date.now() - start) / 60_000;
      return { dom, bytesPerChange: meter.bytes() / changes, decodedPerChange: meter.decoded() / changes, perMinute: peer.proxy.total(peer.consulPrefix) / minutes };
    };

    const one = await flipRound(FLIP_SERVICES, true);
    for (let t = 1; t < o.tabs; t++) {
      const p = await b.newPage();
      extra.push(p);
      await p.goto(peer.flipUrl);
      await p.locator(peer.firstRowSelector).first().waitFor({ timeout: 120_000 });
    }
    await sleep(1_500);
    const many = await flipRound(Math.ceil(FLIP_SERVICES / 2), false);
    return { dom: one.dom, bytesPerChange: one.bytesPerChange, decodedPerChange: one.decodedPerChange, perMinute1: one.perMinute, perMinuteT: many.perMinute };
  } finally {
    for (const p of [page, ...extra]) await p.close().catch(() => {});
  }
}

async function runOnce(o: Options): Promise<RunResult> {
  const { layout } = o;
  const agent = await startDevAgent();
  const consul = new SeedApi(agent.url);
  const cleanups: (() => Promise<void>)[] = [() => agent.stop()];
  try {
    log(`S=${layout.services}: agent at ${agent.url}; seeding ${layout.services} services × ${layout.instances} instances (load ${loadavg()})`);
    const t0 = Date.now();
    const ops = await seed(consul, layout);
    const seedSeconds = (Date.now() - t0) / 1000;
    log(`seeded ${ops} txn operations in ${seedSeconds.toFixed(1)} s`);
    log(`agent settled after ${await settled(agent.process.pid)} ms`);

    // Two counting proxies to the same agent: one for the dashboard, one for Consul's UI in the browser.
    const proxy = await startCountingProxy(agent.url);
    cleanups.unshift(() => proxy.close());
    const uiProxy = await startCountingProxy(agent.url);
    cleanups.unshift(() => uiProxy.close());
    // A data directory of its own: no history file left by an earlier run (another size, another
    // estate) is loaded by this run's dashboard. It holds a day of this estate's history, as a
    // dashboard that has run for a day has (a few services not OK in each minute), so the pages
    // open with the charts they would have, not with a few minutes.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-data-"));
    cleanups.unshift(async () => rmSync(dataDir, { recursive: true, force: true }));
    await writePastDay(dataDir, Array.from({ length: layout.services }, (_, i) => serviceName(i)));

    const b = o.browser ? await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS }) : undefined;
    if (b) cleanups.unshift(() => b.close());
    // One start is one sample of a noisy figure on two cores: the dashboards before the measured
    // one each start (on a copy of the same data directory, behind a proxy of their own), open
    // the overview once, and stop.
    const colds: number[] = [];
    for (let i = 1; i < o.coldStarts && b; i++) {
      const dir = mkdtempSync(path.join(os.tmpdir(), "bench-data-"));
      cpSync(dataDir, dir, { recursive: true });
      const p = await startCountingProxy(agent.url);
      const extra = await startAppServer({ env: { CONSUL_HTTP_ADDR: p.url, DASHBOARD_DATA_DIR: dir } });
      try {
        colds.push(await timeFirstScreen(b, `${extra.url}/`, "[data-service]"));
      } finally {
        await extra.stop();
        await p.close();
        rmSync(dir, { recursive: true, force: true });
      }
      log(`start ${i} of ${o.coldStarts}: first screen right after start ${colds.at(-1)} ms`);
      log(`agent settled after ${await settled(agent.process.pid)} ms`);
    }
    const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: proxy.url, DASHBOARD_DATA_DIR: dataDir } });
    cleanups.unshift(() => app.stop());
    // What the dashboard warned about during the run (a slow Consul, a failed provisional read…).
    cleanups.unshift(async () => {
      const warnings = app.output().split("\n").filter((l) => /"level":"(warn|error)"/.test(l));
      if (warnings.length) log(`dashboard warnings: ${warnings.length}; first: ${warnings.slice(0, 3).map((l) => l.slice(0, 400)).join(" | ")}`);
    });
    let peakRss = rssMb(app.process.pid);
    // The peak of each phase, logged at the end: where the memory goes, not just how much.
    let phase = "start-up";
    const peaks = new Map<string, number>();
    const rssTimer = setInterval(() => {
      const now = rssMb(app.process.pid);
      peakRss = Math.max(peakRss, now);
      peaks.set(phase, Math.max(peaks.get(phase) ?? 0, now));
    }, 250);
    cleanups.unshift(async () => log(`RSS peak by phase: ${[...peaks].map(([p, mb]) => `${p} ${Math.round(mb)} MB`).join(", ")}`));
    cleanups.unshift(async () => clearInterval(rssTimer));

    const ours: Peer = {
      kind: "ours",
      proxy,
      listUrl: `${app.url}/`,
      firstRowSelector: "[data-service]",
      serviceUrl: (i) => `${app.url}/services/${serviceName(i)}`,
      instanceSelector: "[data-instance]",
      serviceLinkSelector: "[data-service] a[href^='/services/']",
      // The row is server-rendered: a click before React has hydrated it would load the page whole.
      linkReady: `Object.keys(el).some((k) => k.startsWith("__reactProps"))`,
      flipUrl: `${app.url}/?q=${serviceName(0).slice(0, -1)}&sort=name`,
      shows: (s) => (s === "critical" ? `${layout.instances - 1}/${layout.instances}` : `${layout.instances}/${layout.instances}`),
      consulPrefix: "/v1/",
    };
    const consulUi: Peer = {
      kind: "consul-ui",
      proxy: uiProxy,
      listUrl: `${uiProxy.url}/ui/dc1/services`,
      firstRowSelector: "li .header a[href*='/services/']",
      serviceUrl: (i) => `${uiProxy.url}/ui/dc1/services/${serviceName(i)}/instances`,
      instanceSelector: "li a[href*='/instances/']",
      serviceLinkSelector: "li .header a[href*='/services/']",
      // Consul's UI draws its list in the browser: a link shown is a link it handles.
      linkReady: "true",
      // Consul's UI keeps its search in ?filter=; the ten services fill its first screen.
      flipUrl: `${uiProxy.url}/ui/dc1/services?filter=${serviceName(0).slice(0, -1)}`,
      shows: (s) => s,
      consulPrefix: "/v1/",
    };

    // First screen right after the dashboard starts (its watch may still be reading), then warm.
    phase = "cold first screen";
    if (b) colds.push(await timeFirstScreen(b, ours.listUrl, ours.firstRowSelector));
    log(`first screen right after start: ${colds.at(-1)} ms (all starts: ${colds.join(", ")} ms)`);
    // Where a cold start's time went: the dashboard's first Consul requests, ms after its start.
    const appStarted = Math.min(...proxy.requests().map((r) => r.startedAt));
    log(`cold start's first Consul requests (start +ms, took ms): ${proxy.requests().slice(0, 8).map((r) => `${r.path} +${r.startedAt - appStarted} ${r.endedAt ? r.endedAt - r.startedAt : "open"}`).join(", ")}`);
    // "Warm" means the watch has finished its first full read (seconds at 100,000 instances).
    const fullRead = await untilReady(app.url);
    log(`the watch's first full read was done ${fullRead} ms after the cold first screen`);
    // …and the dashboard has digested it (first rollup, history, the garbage of the read).
    log(`dashboard settled after a further ${await settled(app.process.pid)} ms`);
    const firstScreen = async (peer: Peer) => {
      const xs: number[] = [];
      for (let i = 0; i < 5 && b; i++) xs.push(await timeFirstScreen(b, peer.listUrl, peer.firstRowSelector));
      return xs;
    };
    phase = "HTML and warm first screens";
    const html: number[] = [];
    let htmlRows = 0;
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      const body = await (await fetch(ours.listUrl)).text();
      html.push(Date.now() - t);
      htmlRows = (body.match(/data-service="/g) ?? []).length;
    }
    log(`HTML with ${htmlRows} rows: ${html.join(", ")} ms`);
    const oursFirst = await firstScreen(ours);
    const servicePage: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < 5 && b; i++) {
      servicePage.push(await timeFirstScreen(b, ours.serviceUrl(i), ours.instanceSelector));
      wall.push(await timeFirstScreen(b, `${app.url}/wall`, "[data-testid=wall-total-ok]"));
    }
    const serviceClick = b ? await clickThrough(b, ours) : [];
    log(`first screen warm: ${oursFirst.join(", ")} ms; service page ${servicePage.join(", ")} ms (clicked from the list ${serviceClick.join(", ")} ms); wall ${wall.join(", ")} ms`);

    // Flips K checks (distinct services, instance 0) and measures change → SSE arrival on every client.
    const runFlips = async (clients: SseClient[], status: "critical" | "passing") => {
      const latencies: number[] = [];
      const bytes: number[] = [];
      proxy.reset();
      const start = Date.now();
      for (let k = 0; k < o.flips; k++) {
        const before = clients[0]?.bytes ?? 0;
        const at = Date.now();
        await setCheck(consul, layout, k, 0, status);
        const arrivals = await Promise.all(clients.map((c) => c.waitFor(serviceName(k), at, 30_000)));
        for (const a of arrivals) latencies.push(a - at);
        bytes.push((clients[0]?.bytes ?? 0) - before);
        await sleep(Math.max(0, 1_000 - (Date.now() - at)));
      }
      const minutes = (Date.now() - start) / 60_000;
      return { latencies, bytes, perMinute: proxy.total() / minutes };
    };
    const url = `${app.url}/api/events`;
    phase = "SSE V=1";
    const one = [openSse(url)];
    await Promise.all(one.map((c) => c.ready));
    const r1 = await runFlips(one, "critical");
    phase = `SSE V=${o.clients}`;
    const many = [...one, ...Array.from({ length: o.clients - 1 }, () => openSse(url))];
    await Promise.all(many.map((c) => c.ready));
    const rN = await runFlips(many, "passing");
    for (const c of many) c.close();
    log(`SSE V=1 p95 ${pct(r1.latencies, 95)} ms, V=${o.clients} p95 ${pct(rN.latencies, 95)} ms`);

    phase = "browser flips";
    const oursFig = b ? { firstScreen: oursFirst, servicePage, serviceClick, ...(await measurePeer(b, ours, consul, o)) } : undefined;
    if (oursFig) log(`ours in Chromium: DOM ${oursFig.dom.join(", ")} ms`);
    let consulFig: BrowserFigures | undefined;
    phase = "Consul UI measured";
    if (b && o.consulUi) {
      const consulFirst = await firstScreen(consulUi);
      const consulService: number[] = [];
      for (let i = 0; i < 5; i++) consulService.push(await timeFirstScreen(b, consulUi.serviceUrl(i), consulUi.instanceSelector));
      const consulClick = await clickThrough(b, consulUi);
      consulFig = { firstScreen: consulFirst, servicePage: consulService, serviceClick: consulClick, ...(await measurePeer(b, consulUi, consul, o)) };
      log(`Consul UI: first screen ${consulFig.firstScreen.join(", ")} ms; service page ${consulService.join(", ")} ms (clicked ${consulClick.join(", ")} ms); DOM ${consulFig.dom.join(", ")} ms`);
    }
    return {
      opts: o,
      seedSeconds,
      colds,
      html,
      htmlRows,
      sse1: r1.latencies,
      sseN: rN.latencies,
      sseBytes: pct(r1.bytes, 50),
      perMinuteV1: r1.perMinute,
      perMinuteVN: rN.perMinute,
      ours: oursFig,
      wall,
      consul: consulFig,
      peakRss,
      load: loadavg(),
    };
  } finally {
    for (const c of cleanups) await c().catch(() => {});
  }
}

const f = (n: number, unit = "ms") => (Number.isFinite(n) ? `${Math.round(n).toLocaleString("en-US")} ${unit}` : "n/a");
const kb = (n: number) => (!Number.isFinite(n) ? "n/a" : n >= 1_000_000 ? `${(n / 1_000_000).toFixed(2)} MB` : n >= 1_000 ? `${(n / 1_000).toFixed(1)} KB` : `${Math.round(n)} B`);
const ratio = (ours: number, theirs: number) => (Number.isFinite(ours) && Number.isFinite(theirs) && ours > 0 ? `${(theirs / ours).toFixed(1)}× ${theirs >= ours ? "less" : "MORE"}` : "");
const p5095 = (xs: number[] | undefined) => (xs?.length ? `${f(pct(xs, 50))} / ${f(pct(xs, 95))}` : "n/a");

function printRun(r: RunResult): void {
  const { layout, clients, tabs } = r.opts;
  const o = r.ours;
  const c = r.consul;
  console.log(`\nS=${layout.services} services × I=${layout.instances} instances; K=${r.opts.flips} SSE flips, ${FLIP_SERVICES} browser flips, browser changes ${BROWSER_GAP_MS / 1000} s apart; load average at end ${r.load}\n`);
  console.log("| Measure | Ours | Consul UI | Consul UI / ours | Aim |\n|---|---|---|---|---|");
  const row = (m: string, ours: string, theirs: string, rt: string, aim: string) => console.log(`| ${m} | ${ours} | ${theirs} | ${rt} | ${aim} |`);
  row(`first screen right after the dashboard starts, median of ${r.colds.length} starts (each)`, `${f(pct(r.colds, 50))} (${r.colds.map((x) => Math.round(x)).join(", ")})`, "", "", "≤ 1 s");
  row("first screen p50 / max (navigation → first service rows)", o ? `${f(pct(o.firstScreen, 50))} / ${f(Math.max(...o.firstScreen))}` : "n/a", c ? `${f(pct(c.firstScreen, 50))} / ${f(Math.max(...c.firstScreen))}` : "n/a", ratio(pct(o?.firstScreen ?? [], 50), pct(c?.firstScreen ?? [], 50)), "≤ 500 ms");
  row(`HTML with the first ${r.htmlRows} rows, p50 / max (server: request → whole page)`, `${f(pct(r.html, 50))} / ${f(Math.max(...r.html))}`, "", "", "");
  const p50max = (xs: number[] | undefined) => (xs?.length ? `${f(pct(xs, 50))} / ${f(Math.max(...xs))}` : "n/a");
  row("service page first screen p50 / max (fresh tab → its instances)", p50max(o?.servicePage), p50max(c?.servicePage), ratio(pct(o?.servicePage ?? [], 50), pct(c?.servicePage ?? [], 50)), "≤ 300 ms");
  row("service page reached by a click on the list's row, p50 / max (click → its instances)", p50max(o?.serviceClick), p50max(c?.serviceClick), ratio(pct(o?.serviceClick ?? [], 50), pct(c?.serviceClick ?? [], 50)), "");
  row("wall first screen p50 / max", `${f(pct(r.wall, 50))} / ${f(Math.max(...r.wall))}`, "", "", "≤ 500 ms");
  row("change → DOM p50 / p95 in Chromium", p5095(o?.dom), p5095(c?.dom), ratio(pct(o?.dom ?? [], 95), pct(c?.dom ?? [], 95)), "≤ 1 s");
  row("bytes the browser receives per change, on the wire (gzip)", kb(o?.bytesPerChange ?? NaN), kb(c?.bytesPerChange ?? NaN), ratio(o?.bytesPerChange ?? NaN, c?.bytesPerChange ?? NaN), "");
  row("… decoded (what the page parses)", kb(o?.decodedPerChange ?? NaN), kb(c?.decodedPerChange ?? NaN), ratio(o?.decodedPerChange ?? NaN, c?.decodedPerChange ?? NaN), "");
  row(`Consul requests / min, 1 tab → ${tabs} tabs`, o ? `${o.perMinute1.toFixed(1)} → ${o.perMinuteT.toFixed(1)}` : "n/a", c ? `${c.perMinute1.toFixed(1)} → ${c.perMinuteT.toFixed(1)}` : "n/a", ratio(o?.perMinuteT ?? NaN, c?.perMinuteT ?? NaN), "");
  row("change → SSE client p50 / p95 (V=1)", p5095(r.sse1), "", "", "");
  row(`change → SSE client p50 / p95 (V=${clients})`, p5095(r.sseN), "", "", "");
  row(`upstream Consul requests / min, V=1 → V=${clients} SSE clients`, `${r.perMinuteV1.toFixed(1)} → ${r.perMinuteVN.toFixed(1)} (ratio ${(r.perMinuteVN / r.perMinuteV1).toFixed(2)})`, "", "", "ratio ≤ 1.1");
  row("bytes pushed per single-check change (SSE, per client)", kb(r.sseBytes), "", "", "");
  row("dashboard server RSS (peak)", f(r.peakRss, "MB"), "", "", "≤ 500 MB at 10,000");
}

function printGrowth(rs: RunResult[]): void {
  console.log(`\nCost as the estate grows (× ${rs[0]?.opts.layout.instances} instances; ours vs Consul UI)\n`);
  console.log("| S | instances | seed | right after start, median | HTML with first rows p50 | first screen p50, ours / Consul UI | change → DOM p95, ours / Consul UI | bytes per change (wire; decoded), ours / Consul UI | server RSS peak | load at end |");
  console.log("|---:|---:|---:|---:|---:|---|---|---|---:|---|");
  for (const r of rs) {
    const { services, instances } = r.opts.layout;
    console.log(
      `| ${services.toLocaleString("en-US")} | ${(services * instances).toLocaleString("en-US")} | ${r.seedSeconds.toFixed(0)} s | ${f(pct(r.colds, 50))} | ${f(pct(r.html, 50))} | ${f(pct(r.ours?.firstScreen ?? [], 50))} / ${f(pct(r.consul?.firstScreen ?? [], 50))} | ${f(pct(r.ours?.dom ?? [], 95))} / ${f(pct(r.consul?.dom ?? [], 95))} | ${kb(r.ours?.bytesPerChange ?? NaN)}; ${kb(r.ours?.decodedPerChange ?? NaN)} / ${kb(r.consul?.bytesPerChange ?? NaN)}; ${kb(r.consul?.decodedPerChange ?? NaN)} | ${f(r.peakRss, "MB")} | ${r.load} |`,
    );
  }
}

async function main() {
  const base: Omit<Options, "layout"> = {
    flips: flag("flips", 20),
    clients: flag("clients", 50),
    tabs: flag("tabs", 5),
    browser: !process.argv.includes("--no-browser"),
    consulUi: !process.argv.includes("--no-consul-ui"),
    coldStarts: flag("cold-starts", 3),
  };
  const instances = flag("instances", 10);
  const sizes = sizesFlag() ?? [flag("services", 5000)];
  const results: RunResult[] = [];
  for (const services of sizes) {
    const r = await runOnce({ ...base, layout: { services, instances } });
    results.push(r);
    printRun(r);
  }
  if (results.length > 1) printGrowth(results);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
