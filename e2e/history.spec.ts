import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HistorySchema } from "../lib/api/history";
import { startAppServer, type AppServer } from "../scripts/app/app-server";
import { SeedApi } from "../scripts/consul/seed-api";
import { writePastDay } from "../scripts/history/past-day";
import { expect, test, uniq } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";

async function history(app: AppServer, service: string) {
  const res = await fetch(`${app.url}/api/history?service=${encodeURIComponent(service)}`);
  expect(res.status).toBe(200);
  return HistorySchema.parse(await res.json());
}

// Restarts its dashboard with a data directory of its own; uses the worker's agent.
test.describe("health history", () => {
  test.describe.configure({ timeout: 120_000 });
  let app: AppServer | undefined;
  test.afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  test("is recorded, charted on the overview and service page, and survives a dashboard restart", async ({ page, agent }) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "dash-history-"));
    const env = { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_DATA_DIR: dataDir };
    const consul = new SeedApi(agent.url);
    const p = uniq("hist");
    const svc = `${p}-pay`;
    await consul.registerInstance({ node: `${p}-n`, id: svc, service: svc }, [{ id: "http", status: "critical", serviceId: svc }]);

    app = await startAppServer({ env });
    const overview = new OverviewPage(page);
    await page.goto(`${app.url}/?q=${p}`);
    await overview.expectLive();
    const chart = page.getByRole("region", { name: "Health history" });
    // The chart refetches each minute; a reload shows the first point at once.
    await expect
      .poll(async () => (await history(app!, svc)).service?.points.length ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.reload();
    await expect(chart).not.toHaveAttribute("data-points", "0", { timeout: 15_000 });
    await expect(chart.locator(".recharts-surface").first()).toBeVisible();
    const before = await history(app, svc);
    expect(before.service?.points.at(-1)?.status).toBe("DOWN");
    expect(before.totals.at(-1)?.DOWN).toBeGreaterThanOrEqual(1);
    expect(before.windowMs).toBeGreaterThanOrEqual(24 * 3_600_000);

    await app.stop();
    expect(readdirSync(dataDir)).toContain("history-@local.json");

    app = await startAppServer({ env });
    // Asked before any screen opened a watch: what was recorded comes from the file.
    const after = await history(app, svc);
    expect(after.service?.points[0]).toEqual(before.service?.points[0]);
    expect(after.totals[0]).toEqual(before.totals[0]);

    await page.goto(`${app.url}/services/${encodeURIComponent(svc)}`);
    const timeline = page.getByRole("region", { name: "Status history" });
    await expect(timeline).not.toHaveAttribute("data-points", "0", { timeout: 15_000 });
    await expect(timeline.getByTestId("status-minutes")).toContainText(/[1-9]\d* min DOWN/);
    await expect(timeline.locator(".recharts-surface").first()).toBeVisible();
    await page.screenshot({ path: "test-results/history-service-page.png", fullPage: true });
    await page.goto(`${app.url}/?q=${p}`);
    await expect(page.getByRole("region", { name: "Health history" })).not.toHaveAttribute("data-points", "0", { timeout: 15_000 });
    await page.screenshot({ path: "test-results/history-overview.png", fullPage: true });
  });

  test("a full day is drawn in steps of a few minutes, each its worst minute, and counted by the minute", async ({ page, agent }) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "dash-history-day-"));
    const p = uniq("day");
    const svc = `${p}-pay`;
    await new SeedApi(agent.url).registerInstance({ node: `${p}-n`, id: svc, service: svc }, [{ id: "http", status: "passing", serviceId: svc }]);
    // A day as a dashboard that ran for it leaves it: every minute one of three services is not OK.
    await writePastDay(dataDir, [svc, `${p}-a`, `${p}-b`], { failingPerMinute: 1 });
    app = await startAppServer({ env: { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_DATA_DIR: dataDir } });

    await page.goto(`${app.url}/?q=${p}`);
    const chart = page.getByRole("region", { name: "Health history" });
    await expect(chart.getByRole("heading")).toHaveText("Health history (last 24 h, worst of every 4 min)", { timeout: 15_000 });
    // Every recorded minute is still counted; the chart draws one point per 4 minutes.
    expect(Number(await chart.getAttribute("data-points"))).toBeGreaterThanOrEqual(1_439);
    await expect(chart.locator(".recharts-surface").first()).toBeVisible();
    // Round times only (every 6 h), not a label per point.
    const ticks = (await chart.locator("svg text").allTextContents()).filter((t) => t.includes(":"));
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(5);
    for (const t of ticks) expect(t).toMatch(/^(00|06|12|18):00$/);

    await page.goto(`${app.url}/services/${encodeURIComponent(svc)}`);
    const timeline = page.getByRole("region", { name: "Status history" });
    await expect(timeline.getByRole("heading")).toHaveText("Status history (last 24 h, worst status per 4 minutes)", { timeout: 15_000 });
    await expect(timeline.getByTestId("status-minutes")).toHaveText(/^[1-9]\d* min DOWN · [1-9]\d* min DEGRADED · [1-9]\d* min OK$/);
    await expect(timeline.locator(".recharts-surface").first()).toBeVisible();
  });
});
