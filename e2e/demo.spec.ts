import { expect, test, type Page } from "@playwright/test";
import { z } from "zod";
import { OverviewSchema } from "../lib/api/overview";
import { startAppServer, type AppServer } from "../scripts/app/app-server";
import { startDevAgent, type DevAgent } from "../scripts/consul/dev-agent";
import { demoDashboardEnv } from "../scripts/demo/dashboard-env";
import { startDemoEstate, type DemoEstate } from "../scripts/demo/demo-estate";
import { AGENT_SERVICES, demoInstances } from "../scripts/demo/estate";
import { demoKvEntries } from "../scripts/demo/kv-seed";
import { OverviewPage } from "./pages/overview-page";

const AgentChecks = z.record(z.string(), z.object({ Status: z.string(), Output: z.string() }));

// The demo gets its own agent: its estate would crowd the shared one other specs use.
test.describe("npm run demo's estate on a real agent", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  let agent: DevAgent;
  let estate: DemoEstate;
  let app: AppServer;

  test.beforeAll(async () => {
    agent = await startDevAgent({ nodeName: "consul-demo" });
    // A quarter of real time, so the first real outages come within seconds.
    estate = await startDemoEstate(agent.url, { timeScale: 0.25 });
    app = await startAppServer({ env: demoDashboardEnv(agent.url) });
  });

  test.afterAll(async () => {
    await app?.stop();
    await estate?.stop();
    await agent?.stop();
  });

  const agentChecks = async () => AgentChecks.parse(await (await fetch(`${agent.url}/v1/agent/checks`)).json());

  const overview = async (page: Page) => {
    const p = new OverviewPage(page);
    await page.goto(app.url);
    return p;
  };

  test("the dashboard shows the estate: a failing node, maintenance, a service without checks", async ({ page }) => {
    expect(estate.counts.services).toBeGreaterThanOrEqual(12);
    const p = await overview(page);
    // Services with no scheduled flaps, so these hold whenever the page is read.
    await p.expectService("recommendations", "0/1", "DOWN");
    await p.expectService("payments", "2/3", "DEGRADED");
    await p.expectService("kafka", "3/3", "OK");
    await p.expectService("static-assets", "1/1", "OK");
    await expect(p.row("payments")).toContainText("Disk space");
    await expect(p.row("search")).toContainText("1 in maintenance");
    const names = new Set([...demoInstances().map((i) => i.service), ...AGENT_SERVICES.map((a) => a.service)]);
    expect(names.size).toBe(estate.counts.services);
    for (const name of names) await expect(p.row(name)).toBeVisible();
  });

  test("a real HTTP check fails and recovers on schedule, and the dashboard follows", async ({ request }) => {
    const webFrontendHealthy = async () => {
      const overview = OverviewSchema.parse(await (await request.get(`${app.url}/api/services`)).json());
      return overview.services.find((s) => s.name === "web-frontend")?.healthy;
    };
    const checkStatus = async () => (await agentChecks())["web-frontend-local-http"]?.Status;
    await expect.poll(checkStatus, { timeout: 30_000, intervals: [250] }).toBe("critical");
    await expect.poll(webFrontendHealthy, { timeout: 30_000, intervals: [250] }).toBe(2);
    await expect.poll(checkStatus, { timeout: 30_000, intervals: [250] }).toBe("passing");
    await expect.poll(webFrontendHealthy, { timeout: 30_000, intervals: [250] }).toBe(3);
  });

  test("the TCP demo server really stops listening, and the agent's TCP check sees it", async () => {
    const tcpCheck = async () => (await agentChecks())["redis-local-tcp"];
    await expect.poll(async () => (await tcpCheck())?.Output ?? "", { timeout: 30_000, intervals: [250] }).toContain("connection refused");
    await expect.poll(async () => (await tcpCheck())?.Status, { timeout: 30_000, intervals: [250] }).toBe("passing");
  });

  test("KV values round-trip byte for byte, binary and near-limit ones included", async () => {
    const keys = z.array(z.string()).parse(await (await fetch(`${agent.url}/v1/kv/?keys`)).json());
    const entries = demoKvEntries();
    expect(keys.sort()).toEqual(entries.map((e) => e.key).sort());
    for (const key of ["secrets-meta/session-key.bin", "assets/logo.png", "data/geoip/ranges.csv", "i18n/greeting/日本語", "config/team notes/on-call rota"]) {
      const res = await fetch(`${agent.url}/v1/kv/${key.split("/").map(encodeURIComponent).join("/")}?raw`);
      expect(res.status, key).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(entries.find((e) => e.key === key)!.value), key).toBe(true);
    }
  });

  test("stop() releases the demo servers", async () => {
    await estate.stop();
    await expect(fetch(`${estate.targets.httpBase}/health/search-local`)).rejects.toThrow();
  });
});
