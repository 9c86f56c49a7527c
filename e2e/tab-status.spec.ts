import { expect, test, uniq } from "./support/fixtures";

test.describe("the tab tells the story", () => {
  test("a DOWN service puts the DOWN count in the title and a red icon in the tab", async ({ page, consul }) => {
    const svc = uniq("tab-down");
    const node = uniq("tab-n");
    await consul.registerInstance({ node, id: `${svc}-1`, service: svc }, [{ id: "http", name: "HTTP", status: "critical", output: "refused" }]);
    await page.goto("/");
    await expect(page).toHaveTitle(/^\(\d+ DOWN\) Services · dc1$/);
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", "/icons/down.svg");

    await page.goto(`/services/${svc}`);
    await expect(page).toHaveTitle(`(1 DOWN) ${svc} · dc1`);

    // Recovery turns the title and the icon back, live.
    await consul.registerInstance({ node, id: `${svc}-1`, service: svc }, [{ id: "http", name: "HTTP", status: "passing", output: "ok" }]);
    await expect(page).toHaveTitle(`${svc} · dc1`);
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", "/icons/ok.svg");
  });

  test("the icons and the web manifest are served: no favicon 404", async ({ page, request }) => {
    const missing: string[] = [];
    page.on("response", (r) => {
      if (r.status() === 404) missing.push(r.url());
    });
    await page.goto("/kv");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const path of ["/favicon.svg", "/icons/ok.svg", "/icons/degraded.svg", "/icons/down.svg", "/manifest.webmanifest"]) {
      expect((await request.get(path)).status(), path).toBe(200);
    }
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    expect(missing).toEqual([]);
  });
});
