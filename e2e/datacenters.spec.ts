import { startDevAgent, type DevAgent } from "../scripts/consul/dev-agent";
import { pollUntil } from "../scripts/consul/ports";
import { SeedApi } from "../scripts/consul/seed-api";
import { expect, test, uniq } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";
import { expectHydrated } from "./support/hydration";

test.describe("datacenters", () => {
  test.describe.configure({ timeout: 120_000 });
  let dc2: DevAgent | undefined;

  test.afterAll(async () => {
    await dc2?.stop();
  });

  test("a switcher fed by the catalog shows a WAN-joined second datacenter", async ({ page, agent, consul }) => {
    dc2 = await startDevAgent({ datacenter: "dc2", joinWan: `127.0.0.1:${agent.serfWanPort}` });
    const dc2Api = new SeedApi(dc2.url);
    await pollUntil("dc2 to appear in dc1's datacenter list", async () => {
      const res = await fetch(`${agent.url}/v1/catalog/datacenters`);
      const list: unknown = await res.json();
      return Array.isArray(list) && list.includes("dc2") ? true : undefined;
    }, { timeoutMs: 60_000, intervalMs: 250 });

    const p = uniq("dcs");
    await consul.registerInstance({ node: `${p}-n1`, id: `${p}-home`, service: `${p}-home` });
    await dc2Api.registerInstance({ node: `${p}-n2`, id: `${p}-far`, service: `${p}-far` }, [{ id: "c", status: "critical" }]);

    const overview = new OverviewPage(page);
    await overview.goto(`?q=${p}`);
    await overview.expectService(`${p}-home`, "1/1", "OK");
    const switcher = page.getByRole("combobox", { name: "Datacenter", exact: true });
    // The list may be cached for a few seconds before dc2 joined: reload until it shows.
    await expect(async () => {
      await page.reload();
      await expect(switcher.locator("option")).toHaveText(["dc1", "dc2"], { timeout: 2_000 });
    }).toPass({ timeout: 45_000 });

    // The switcher is in the server's HTML: a choice made before React has hydrated it would go nowhere.
    await expectHydrated(switcher);
    await switcher.selectOption("dc2");
    await expect(page).toHaveURL(/dc=dc2/);
    await overview.expectService(`${p}-far`, "0/1", "DOWN");
    await expect(overview.row(`${p}-home`)).toHaveCount(0);
    // dc2 is live too: a change there shows up without a reload.
    await dc2Api.setCheck(`${p}-n2`, { id: "c", status: "passing", serviceId: `${p}-far` });
    await overview.expectService(`${p}-far`, "1/1", "OK");
    await overview.row(`${p}-far`).getByRole("link").click();
    await expect(page.getByTestId("dns-name")).toHaveText(`${p}-far.service.dc2.consul`);
  });

  test("an unknown datacenter gives a clear error", async ({ page }) => {
    await page.goto("/?dc=atlantis");
    const alert = page.getByRole("alert").filter({ hasText: "Cannot show this datacenter" });
    await expect(alert).toContainText('Unknown datacenter "atlantis"');
    await expect(alert).toContainText("dc1");
    const res = await page.request.get("/api/events?dc=atlantis");
    expect(res.status()).toBe(404);
    expect(await res.json()).toMatchObject({ error: { kind: "unknown_datacenter" } });
  });
});
