import { freePort } from "../scripts/consul/ports";
import { SeedApi } from "../scripts/consul/seed-api";
import { expect, test } from "./support/fixtures";
import { seedEstate, WallPage } from "./pages/wall-page";

test.use({ viewport: { width: 1920, height: 1080 } });

// This spec kills its Consul agent and its dashboard, so it runs its own of both.
test.describe("the wall never shows stale green", () => {
  test.describe.configure({ timeout: 150_000 });
  test("killing Consul raises the banner within seconds and marks tiles stale; restarting it clears both", async ({ page, launch }) => {
    const httpPort = await freePort();
    let agent = await launch.agent({ httpPort });
    await seedEstate(new SeedApi(agent.url), "outage", "outage", { down: 1, degraded: 1, ok: 8 });
    const app = await launch.app({ env: { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_WATCH_MAX_BACKOFF_SECONDS: "2" } });
    const wall = new WallPage(page);
    await page.goto(`${app.url}/wall?tag=outage`);
    await wall.expectLive();
    await expect(wall.tiles).toHaveCount(10);
    await expect(wall.grid.locator('[data-stale="true"]')).toHaveCount(0);
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    await agent.kill();
    const killedAt = Date.now();
    await expect(wall.banner).toContainText("Consul is unreachable", { timeout: 15_000 });
    const raisedAfterMs = Date.now() - killedAt;
    test.info().annotations.push({ type: "banner raised after", description: `${raisedAfterMs} ms` });
    await expect(wall.banner).toContainText("STALE");
    await expect(wall.wall).toHaveAttribute("data-live", "false");
    await expect(wall.grid.locator('[data-stale="true"]')).toHaveCount(10);
    await expect(wall.tile("outage-ok-000")).toHaveCSS("filter", /grayscale/);
    await wall.expectNoScroll();
    await page.screenshot({ path: "test-results/wall-consul-down-1920x1080.png" });

    // The same port again: the wall recovers by itself, without a reload.
    agent = await launch.agent({ httpPort });
    await seedEstate(new SeedApi(agent.url), "outage", "outage", { down: 0, degraded: 0, ok: 3 });
    await wall.expectLive();
    await expect(wall.tiles).toHaveCount(3);
    await expect(wall.grid.locator('[data-stale="true"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  test("the dashboard server going away raises the banner; the wall reconnects when it is back", async ({ page, launch }) => {
    const agent = await launch.agent();
    await seedEstate(new SeedApi(agent.url), "restart", "restart", { down: 0, degraded: 1, ok: 2 });
    const port = await freePort();
    const env = { CONSUL_HTTP_ADDR: agent.url };
    let app = await launch.app({ env, port });
    const wall = new WallPage(page);
    await page.goto(`${app.url}/wall?tag=restart`);
    await wall.expectLive();
    await page.evaluate(() => Object.assign(window, { __noReload: true }));
    await app.stop();
    await expect(wall.banner).toContainText("dashboard server is not reachable", { timeout: 30_000 });
    await expect(wall.grid.locator('[data-stale="true"]')).toHaveCount(3);
    // Same build again: the stream comes back, and the page is not reloaded (no new version).
    app = await launch.app({ env, port });
    await wall.expectLive();
    await expect(wall.grid.locator('[data-stale="true"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });
});
