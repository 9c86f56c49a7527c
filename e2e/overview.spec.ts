import { expect, test, uniq } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";
import { expectHydrated } from "./support/hydration";

test.describe("services overview against a real Consul agent", () => {
  test("shows healthy/total and status by the instance rules", async ({ page, app, consul }) => {
    const p = uniq("t");
    const [n1, n2, n3] = [`${p}-node1`, `${p}-node2`, `${p}-node3`];
    const pay = `${p}-payments`;
    const cart = `${p}-cart`;
    const db = `${p}-db`;
    const stat = `${p}-static`;
    const search = `${p}-search`;
    const worker = `${p}-worker`;

    // payments: three instances, all passing → OK 3/3
    for (const n of [n1, n2, n3]) {
      await consul.registerInstance({ node: n, id: `${pay}-1`, service: pay, tags: ["prod"] }, [{ id: "http", status: "passing" }]);
    }
    // cart: one instance warning → DEGRADED 1/2 (warning is not healthy)
    await consul.registerInstance({ node: n1, id: `${cart}-1`, service: cart }, [{ id: "cart-http", status: "warning" }]);
    await consul.registerInstance({ node: n2, id: `${cart}-2`, service: cart }, [{ id: "cart-http", status: "passing" }]);
    // db on node3, whose node-level check is critical → DOWN 0/1, and payments on node3 unhealthy too
    await consul.registerInstance({ node: n3, id: `${db}-1`, service: db }, [{ id: "db-tcp", status: "passing" }]);
    await consul.setCheck(n3, { id: "disk", name: "Disk space", status: "critical" });
    // static: no checks at all → healthy
    await consul.registerInstance({ node: n1, id: `${stat}-1`, service: stat });
    // search: one instance in maintenance → DEGRADED 1/2
    await consul.registerInstance({ node: n1, id: `${search}-1`, service: search });
    await consul.registerInstance({ node: n2, id: `${search}-2`, service: search }, [
      { id: `_service_maintenance:${search}-2`, name: "Service Maintenance Mode", status: "critical", notes: "reindex" },
    ]);
    // worker: two instances on one node count as two
    await consul.registerInstance({ node: n2, id: `${worker}-a`, service: worker }, [{ id: "w", status: "passing" }]);
    await consul.registerInstance({ node: n2, id: `${worker}-b`, service: worker }, [{ id: "w", status: "critical" }]);

    const overview = new OverviewPage(page);
    await overview.goto(`?q=${p}`);
    await overview.expectService(pay, "2/3", "DEGRADED");
    await overview.expectService(cart, "1/2", "DEGRADED");
    await overview.expectService(db, "0/1", "DOWN");
    await overview.expectService(stat, "1/1", "OK");
    await overview.expectService(search, "1/2", "DEGRADED");
    await overview.expectService(worker, "1/2", "DEGRADED");
    await expect(overview.row(db)).toContainText("Disk space");
    await expect(overview.row(search)).toContainText("1 in maintenance");

    // Healing the node brings payments back to OK in the open page, without a reload.
    await consul.setCheck(n3, { id: "disk", name: "Disk space", status: "passing" });
    await overview.expectService(pay, "3/3", "OK");
    await overview.expectService(db, "1/1", "OK");
    expect(app.url).toContain("127.0.0.1");
  });

  test("check output from Consul is shown as text, never as HTML", async ({ page, consul }) => {
    const svc = uniq("xss");
    await consul.registerInstance({ node: `${svc}-n`, id: svc, service: svc }, [
      { id: "evil", name: "<img src=x onerror=alert(1)>", status: "critical" },
    ]);
    const overview = new OverviewPage(page);
    await overview.goto(`?q=${svc}`);
    await expect(overview.row(svc)).toContainText("<img src=x onerror=alert(1)>");
    await expect(overview.row(svc).locator("img")).toHaveCount(0);
  });

  test("rows do not prefetch their pages as they scroll into view, and a click still opens one", async ({ page, app, consul }) => {
    const p = uniq("pf");
    const names = Array.from({ length: 60 }, (_, i) => `${p}-s${String(i).padStart(2, "0")}`);
    for (const name of names) await consul.registerInstance({ node: `${p}-n`, id: name, service: name }, [{ id: "http", status: "passing" }]);
    // Next marks its prefetches with this header; each costs the server a render of a dynamic page.
    // The rows and the recent-changes feed (60 new services) both link to service pages.
    const prefetched: string[] = [];
    page.on("request", (r) => {
      if (r.headers()["next-router-prefetch"] && new URL(r.url()).pathname.startsWith("/services/")) prefetched.push(r.url());
    });
    await page.goto(`${app.url}/?q=${p}&sort=name`);
    const first = page.locator(`[data-service="${names[0]}"]`);
    await expectHydrated(first.getByRole("link"));
    // Scroll the whole list through the viewport.
    const last = page.locator(`[data-service="${names.at(-1)}"]`);
    await expect(async () => {
      await page.mouse.wheel(0, 500);
      await expect(last).toBeInViewport({ timeout: 300 });
    }).toPass({ timeout: 20_000 });
    await last.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/services/${names.at(-1)}$`));
    await expect(page.locator("[data-instance]").first()).toBeVisible();
    expect(prefetched).toEqual([]);
  });
});
