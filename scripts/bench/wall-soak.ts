/**
 * Accelerated soak of the wall (`npm run bench:wall`): a real dev agent with ~200
 * services, the built dashboard, and /wall open in Chromium at 1920×1080. Checks are
 * flipped thousands of times as fast as the agent takes them (bounded in count and
 * time, loopback only); the page's JS heap is measured after forced GC before and
 * after, and the DOM and listener counts with it. Memory must stay flat.
 *
 * Knobs: SOAK_SERVICES (200), SOAK_CHANGES (3000), SOAK_MAX_SECONDS (300), CHROMIUM_PATH.
 */
import { chromium, type CDPSession, type Page } from "@playwright/test";
import { startAppServer } from "../app/app-server";
import { startDevAgent } from "../consul/dev-agent";
import { pollUntil } from "../consul/ports";
import { SeedApi } from "../consul/seed-api";
import { CHROMIUM_ARGS, chromiumPath } from "../browser/chromium";

const SERVICES = Number(process.env.SOAK_SERVICES ?? 200);
const CHANGES = Number(process.env.SOAK_CHANGES ?? 3000);
const MAX_MS = Number(process.env.SOAK_MAX_SECONDS ?? 300) * 1000;
const CONCURRENCY = 8;
const TAG = "soak";

interface Sample {
  phase: string;
  changesSent: number;
  changesPushed: number;
  heapMB: number;
  domNodes: number;
  listeners: number;
}

async function metrics(cdp: CDPSession): Promise<{ heapMB: number; domNodes: number; listeners: number }> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics: m } = await cdp.send("Performance.getMetrics");
  const get = (name: string) => m.find((x) => x.name === name)?.value ?? NaN;
  return { heapMB: get("JSHeapUsedSize") / 1024 / 1024, domNodes: get("Nodes"), listeners: get("JSEventListeners") };
}

/** Service-level changes the page's own stream delivered (a second listener on the same server push). */
function pushed(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __pushed?: number }).__pushed ?? 0);
}

async function main(): Promise<void> {
  const agent = await startDevAgent();
  const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: agent.url } });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const consul = new SeedApi(agent.url);
    const names = Array.from({ length: SERVICES }, (_, i) => `soak-${String(i).padStart(3, "0")}`);
    const node = (i: number) => `soak-node-${i % 10}`;
    for (let i = 0; i < names.length; i += CONCURRENCY) {
      await Promise.all(
        names.slice(i, i + CONCURRENCY).map((s, j) =>
          consul.registerInstance({ node: node(i + j), id: s, service: s, tags: [TAG] }, [{ id: `${s}-chk`, status: "passing", serviceId: s }]),
        ),
      );
    }

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${app.url}/wall?tag=${TAG}`);
    await page.getByTestId("wall").and(page.locator('[data-live="true"]')).waitFor({ timeout: 30_000 });
    await pollUntil("200 tiles", async () => ((await page.locator("[data-service]").count()) === SERVICES ? true : undefined));
    await page.evaluate(() => {
      const w = window as unknown as { __pushed: number };
      w.__pushed = 0;
      const es = new EventSource("/api/events");
      es.addEventListener("delta", (e) => {
        const d = JSON.parse(String((e as MessageEvent).data)) as { changed: unknown[] };
        w.__pushed += d.changed.length;
      });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const samples: Sample[] = [];
    const sample = async (phase: string, sent: number) => samples.push({ phase, changesSent: sent, changesPushed: await pushed(page), ...(await metrics(cdp)) });
    await sample("before", 0);

    // Flip checks: each change sets one service's check to a status other than its current one.
    const status = new Map(names.map((n) => [n, "passing"] as [string, "passing" | "warning" | "critical"]));
    const cycle = ["critical", "warning", "passing"] as const;
    let sent = 0;
    const flipStart = Date.now();
    const deadline = Date.now() + MAX_MS;
    const every = Math.max(1, Math.floor(CHANGES / 5));
    let nextSample = every;
    while (sent < CHANGES && Date.now() < deadline) {
      const batch = Array.from({ length: Math.min(CONCURRENCY, CHANGES - sent) }, (_, k) => (sent + k) % SERVICES);
      await Promise.all(
        batch.map((i) => {
          const s = names[(i * 37) % SERVICES] ?? "soak-000";
          const next = cycle[(cycle.indexOf(status.get(s) ?? "passing") + 1) % cycle.length] ?? "passing";
          status.set(s, next);
          return consul.setCheck(node(names.indexOf(s)), { id: `${s}-chk`, status: next, serviceId: s });
        }),
      );
      sent += batch.length;
      if (sent >= nextSample && sent < CHANGES) {
        nextSample += every;
        await sample("during", sent);
      }
    }
    const flipSeconds = (Date.now() - flipStart) / 1000;

    // Settle: everything passing again, and the wall shows it (200 OK tiles, live).
    // In batches: Consul refuses more than 200 concurrent connections from one client (429).
    for (let i = 0; i < names.length; i += CONCURRENCY) {
      await Promise.all(
        names.slice(i, i + CONCURRENCY).map((s, j) => consul.setCheck(node(i + j), { id: `${s}-chk`, status: "passing", serviceId: s })),
      );
    }
    await pollUntil(
      "the wall to show every service OK",
      async () => ((await page.locator('[data-service][data-status="OK"]').count()) === SERVICES ? true : undefined),
      { timeoutMs: 60_000 },
    );
    // Let pulses end, so their styles are not counted as growth.
    await pollUntil("pulses to end", async () => ((await page.locator('[data-pulse="true"]').count()) === 0 ? true : undefined), { timeoutMs: 30_000 });
    await sample("after", sent);

    const before = samples[0];
    const after = samples.at(-1);
    console.log(`\nWall soak: ${SERVICES} services, ${sent} check changes in ${flipSeconds.toFixed(1)} s (cap ${CHANGES}, ${MAX_MS / 1000} s)\n`);
    console.log("| phase | changes sent | service changes pushed | JS heap (MB) | DOM nodes | listeners |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const s of samples) {
      console.log(`| ${s.phase} | ${s.changesSent} | ${s.changesPushed} | ${s.heapMB.toFixed(2)} | ${s.domNodes} | ${s.listeners} |`);
    }
    if (before && after) {
      const growth = (after.heapMB - before.heapMB) / before.heapMB;
      console.log(`\nHeap after/before: ${(after.heapMB / before.heapMB).toFixed(2)}× (${(growth * 100).toFixed(1)} %)`);
      // Flat means: no growth proportional to the changes; a few MB of JIT and caches is noise.
      const flat = after.heapMB - before.heapMB < Math.max(5, before.heapMB * 0.25);
      console.log(flat ? "Memory: flat" : "Memory: GREW — investigate");
      if (!flat) process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await app.stop();
    await agent.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
