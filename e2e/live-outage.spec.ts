import { freePort } from "../scripts/consul/ports";
import { SeedApi } from "../scripts/consul/seed-api";
import { expect, test } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";

// This spec kills its Consul agent, so it runs its own agent and dashboard, not the shared ones.
test.describe("honest freshness when Consul goes away", () => {
  test.describe.configure({ timeout: 150_000 });
  test("starts without Consul, shows the banner, goes live when Consul comes, and again after a crash", async ({ page, launch }) => {
    const httpPort = await freePort();
    // Consul is down when the dashboard starts: it must start anyway.
    const app = await launch.app({ env: { CONSUL_HTTP_ADDR: `http://127.0.0.1:${httpPort}`, DASHBOARD_WATCH_MAX_BACKOFF_SECONDS: "2" } });
    await page.goto(`${app.url}/`);
    const overview = new OverviewPage(page);
    await expect(overview.freshness).toContainText("Consul is unreachable", { timeout: 15_000 });
    await expect(overview.freshness).toContainText("STALE");
    await expect(overview.freshness).toContainText(`127.0.0.1:${httpPort}`);

    let agent = await launch.agent({ httpPort });
    const consul = new SeedApi(agent.url);
    await consul.registerInstance({ node: "outage-n1", id: "outage-web", service: "outage-web" });
    await expect(overview.freshness).toContainText("Live", { timeout: 20_000 });
    await overview.expectService("outage-web", "1/1", "OK");
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    // A crash: the banner says Consul is unreachable, and since when; the rows are marked stale.
    await agent.kill();
    await expect(overview.freshness).toContainText("Consul is unreachable", { timeout: 15_000 });
    await expect(overview.freshness).toContainText(/since \d+ s ago/);
    await expect(overview.table).toHaveAttribute("data-stale", "true");

    // Back on the same port: everything recovers by itself, without a reload.
    agent = await launch.agent({ httpPort });
    await new SeedApi(agent.url).registerInstance({ node: "outage-n2", id: "after-web", service: "after-web" });
    await expect(overview.freshness).toContainText("Live", { timeout: 20_000 });
    await expect(overview.freshness).not.toContainText("STALE");
    await overview.expectService("after-web", "1/1", "OK");
    // The fresh agent has no "outage-web": the restarted data replaced the old.
    await expect(overview.row("outage-web")).toHaveCount(0);
    await expect(overview.table).toHaveAttribute("data-stale", "false");
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  test("the stream dropping (dashboard server gone) raises the banner, and it recovers", async ({ page, launch }) => {
    const agent = await launch.agent();
    const port = await freePort();
    const env = { CONSUL_HTTP_ADDR: agent.url };
    let app = await launch.app({ env, port });
    const overview = new OverviewPage(page);
    await page.goto(`${app.url}/`);
    await overview.expectLive();
    await app.stop();
    await expect(overview.freshness).toContainText("dashboard server is not reachable", { timeout: 30_000 });
    await expect(overview.freshness).toContainText("STALE");
    app = await launch.app({ env, port });
    await overview.expectLive();
  });
});
