import { expect, test, uniq } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";
import { ServicePage } from "./pages/service-page";
import { refuseChunks } from "./support/chunks";

test.describe("parts that load after the page", () => {
  test("a chart whose code cannot be fetched says so, and the live overview and service page go on", async ({ page, consul }) => {
    const p = uniq("lazy");
    const web = `${p}-web`;
    await consul.registerInstance({ node: `${p}-a`, id: `${web}-a`, service: web }, [{ id: "http", status: "passing" }]);
    // recharts' chunks are refused, as after a redeploy that replaced them or on a dropped connection.
    const refused = await refuseChunks(page, "recharts");

    const overview = new OverviewPage(page);
    await overview.goto(`?q=${p}`);
    await overview.expectLive();
    const chartFailed = page.getByRole("alert").filter({ hasText: "Could not load the health history chart" });
    await expect(chartFailed).toBeVisible();
    await expect(chartFailed.getByRole("button", { name: "Reload" })).toBeVisible();
    expect(refused.length).toBeGreaterThan(0);
    // The list is still live.
    await consul.setCheck(`${p}-a`, { id: "http", status: "critical", serviceId: `${web}-a` });
    await overview.expectService(web, "0/1", "DOWN");

    const service = new ServicePage(page);
    await service.goto(web);
    await expect(service.instance(`${web}-a`, `${p}-a`)).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Could not load the status history chart" })).toBeVisible();
    await consul.setCheck(`${p}-a`, { id: "http", status: "passing", serviceId: `${web}-a` });
    await service.expectStatus("OK", "1/1");
    // A chunk may still be in flight through the route: let it go quietly with the page.
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });
});
