import { expect, test, uniq } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";

/** Text of the page as the server sends it, before any script runs. */
async function html(request: import("@playwright/test").APIRequestContext, path: string): Promise<string> {
  const res = await request.get(path);
  expect(res.status()).toBe(200);
  return res.text();
}

test.describe("first screen from the server", () => {
  test("the overview's HTML already has the first rows, problems first, and the page then goes live", async ({ page, request, consul }) => {
    const p = uniq("first");
    const [down, ok] = [`${p}-down`, `${p}-ok`];
    await consul.registerInstance({ node: `${p}-n1`, id: down, service: down }, [{ id: "http", status: "critical" }]);
    await consul.registerInstance({ node: `${p}-n2`, id: ok, service: ok }, [{ id: "http", status: "passing" }]);

    // The server's watch sees the registration within a round; then every render carries the rows.
    await expect
      .poll(async () => (await html(request, `/?q=${p}`)).includes(`data-service="${ok}"`), { timeout: 15_000 })
      .toBe(true);
    const body = await html(request, `/?q=${p}`);
    expect(body.indexOf(`data-service="${down}"`)).toBeGreaterThan(-1);
    expect(body.indexOf(`data-service="${down}"`)).toBeLessThan(body.indexOf(`data-service="${ok}"`));
    expect(body).toContain("Showing 2 of");

    // The same page in a browser hydrates over those rows, goes live and follows changes.
    const overview = new OverviewPage(page);
    await overview.goto(`?q=${p}`);
    await overview.expectLive();
    await overview.expectService(ok, "1/1", "OK");
    await consul.setCheck(`${p}-n2`, { id: "http", status: "critical", serviceId: ok });
    await overview.expectService(ok, "0/1", "DOWN");
  });

  test("a service page's HTML already has its instances", async ({ request, consul }) => {
    const p = uniq("first-svc");
    const web = `${p}-web`;
    await consul.registerInstance({ node: `${p}-n1`, id: `${web}-1`, service: web }, [{ id: "http", status: "passing" }]);
    await expect
      .poll(async () => (await html(request, `/services/${web}`)).includes(`data-instance="${web}-1"`), { timeout: 15_000 })
      .toBe(true);
  });
});
