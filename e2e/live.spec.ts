import { expect, test, uniq } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";
import { holdScripts } from "./support/hydration";

test.describe("live overview", () => {
  test("a check going critical shows DEGRADED in the open page without a reload", async ({ page, consul }) => {
    const p = uniq("live");
    const web = `${p}-web`;
    for (const n of ["a", "b"]) {
      await consul.registerInstance({ node: `${p}-${n}`, id: `${web}-${n}`, service: web, tags: ["prod"] }, [{ id: "http", status: "passing" }]);
    }
    const overview = new OverviewPage(page);
    await overview.goto(`?q=${p}`);
    await overview.expectLive();
    await overview.expectService(web, "2/2", "OK");
    // A marker on window proves the page was never reloaded.
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    await consul.setCheck(`${p}-a`, { id: "http", status: "critical", serviceId: `${web}-a`, output: "connection refused" });
    await expect(overview.row(web).getByTestId("healthy-total")).toHaveText("1/2", { timeout: 5_000 });
    await expect(overview.row(web).getByText("DEGRADED", { exact: true })).toBeVisible();
    await expect(overview.row(web)).toContainText("http");
    await expect(overview.feed).toContainText(`${web} went DEGRADED (was OK)`, { timeout: 5_000 });
    await expect(overview.feed).toContainText(`instance ${web}-a on ${p}-a went critical (was healthy)`);
    // The status is young: "in status for" counts from the change, in seconds.
    await expect(overview.row(web).getByTestId("since")).toHaveText(/^\d+ s$/);

    await consul.setCheck(`${p}-b`, { id: "http", status: "warning", serviceId: `${web}-b` });
    await overview.expectService(web, "0/2", "DOWN");
    await consul.deregisterNode(`${p}-a`);
    await consul.deregisterNode(`${p}-b`);
    await expect(overview.row(web)).toHaveCount(0);
    await expect(overview.feed).toContainText(`${web} was removed`);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  test("filters and sort live in the URL, problems first by default", async ({ page, consul }) => {
    const p = uniq("view");
    const [ok, deg, down] = [`${p}-alpha`, `${p}-beta`, `${p}-gamma`];
    await consul.registerInstance({ node: `${p}-n1`, id: ok, service: ok, tags: ["blue"] });
    await consul.registerInstance({ node: `${p}-n1`, id: `${deg}-1`, service: deg, tags: ["green"] });
    await consul.registerInstance({ node: `${p}-n2`, id: `${deg}-2`, service: deg }, [{ id: "c", status: "critical" }]);
    await consul.registerInstance({ node: `${p}-n2`, id: down, service: down }, [{ id: "c2", status: "critical" }]);
    // Another service's tags match the text filter too.
    const tagged = `${p}-delta`;
    await consul.registerInstance({ node: `${p}-n1`, id: tagged, service: tagged, tags: [`${p}-special`] });

    const overview = new OverviewPage(page);
    // The search is typed before the page's scripts have run (held back, as on a slow phone): once
    // they run, the list is filtered by what is in the box, and the URL says so.
    const release = await holdScripts(page);
    await page.goto("/", { waitUntil: "commit" });
    await overview.search.fill(p);
    release();
    await expect(page).toHaveURL(new RegExp(`\\?q=${p}$`));
    await overview.expectService(down, "0/1", "DOWN");
    await expect.poll(() => overview.names()).toEqual([down, deg, ok, tagged]);
    await page.unrouteAll();

    await page.getByRole("combobox", { name: "Sort", exact: true }).selectOption("name");
    await expect.poll(() => overview.names()).toEqual([ok, deg, tagged, down]);
    await expect(page).toHaveURL(new RegExp(`\\?q=${p}&sort=name$`));

    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("DEGRADED");
    await expect.poll(() => overview.names()).toEqual([deg]);
    await expect(page).toHaveURL(/status=DEGRADED/);

    // Every view is a link: a fresh load of the URL shows the same view.
    await page.reload();
    await expect.poll(() => overview.names()).toEqual([deg]);
    await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("DEGRADED");

    await overview.goto(`?q=${p}-special`);
    await expect.poll(() => overview.names()).toEqual([tagged]);
    await overview.goto(`?q=${p}&tag=green`);
    await expect.poll(() => overview.names()).toEqual([deg]);
  });
});
