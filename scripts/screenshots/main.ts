import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { startAppServer } from "../app/app-server";
import { CHROMIUM_ARGS, chromiumPath, assertChromium } from "../browser/chromium";
import { ensureConsulBinary, ROOT } from "../consul/binary";
import { startDevAgent } from "../consul/dev-agent";
import { runNextBuild, staleBuildReason } from "../demo/build";
import { startDemoEstate } from "../demo/demo-estate";

/**
 * `npm run screenshots`: a dev agent with the demo estate, the built dashboard, and
 * Chromium at 1280×800 taking the README's pictures (light and dark) into docs/screenshots/.
 */

const OUT = path.join(ROOT, "docs", "screenshots");
const say = (msg: string) => console.log(`[screenshots] ${msg}`);

interface Shot {
  name: string;
  path: string;
  ready(page: Page): Promise<unknown>;
}

const SHOTS: Shot[] = [
  { name: "overview", path: "/", ready: (p) => p.getByRole("rowheader").first().waitFor() },
  { name: "service", path: "/services/web-frontend", ready: (p) => p.getByRole("article").first().waitFor() },
  { name: "kv-editor", path: "/kv/config/payments/database.json", ready: (p) => p.getByTestId("full-key").waitFor() },
  { name: "wall", path: "/wall", ready: (p) => p.getByTestId("wall").waitFor() },
];

async function main(): Promise<void> {
  assertChromium();
  ensureConsulBinary(say);
  const stale = staleBuildReason(ROOT);
  if (stale) {
    say(`building the dashboard (${stale})…`);
    await runNextBuild(ROOT);
  }
  mkdirSync(OUT, { recursive: true });
  const agent = await startDevAgent({ nodeName: "consul-demo" });
  const stops: (() => Promise<void>)[] = [() => agent.stop()];
  try {
    const estate = await startDemoEstate(agent.url, { log: say });
    stops.unshift(() => estate.stop());
    // As the demo runs it: anyone may edit (no ACLs), and a data directory of its own (no test history).
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "dashboard-screenshots-"));
    stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_WRITES: "anyone", DASHBOARD_DATA_DIR: dataDir }, echo: false });
    stops.unshift(() => app.stop());
    // Let the first flaps happen, so the pictures show a bit of everything.
    say("waiting 40 s for the estate to move…");
    await new Promise((r) => setTimeout(r, 40_000));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    stops.unshift(() => browser.close());
    for (const scheme of ["light", "dark"] as const) {
      const ctx = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 800 }, colorScheme: scheme, reducedMotion: "reduce" });
      const page = await ctx.newPage();
      for (const shot of SHOTS) {
        // The wall keeps its own ?theme= (dark by default).
        await page.goto(shot.path === "/wall" ? `/wall?theme=${scheme}` : shot.path);
        await shot.ready(page);
        await page.waitForTimeout(1500); // charts and the editor settle
        const file = path.join(OUT, `${shot.name}-${scheme}.png`);
        await page.screenshot({ path: file });
        say(`wrote ${path.relative(ROOT, file)}`);
      }
      await ctx.close();
    }
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[screenshots] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
