import { startDevAgent, type DevAgent } from "../scripts/consul/dev-agent";
import { pollUntil } from "../scripts/consul/ports";
import { SeedApi } from "../scripts/consul/seed-api";
import { expect, test, uniq } from "./support/fixtures";
import { WallPage } from "./pages/wall-page";

test.use({ viewport: { width: 1920, height: 1080 } });

test.describe("wall rotation", () => {
  test.describe.configure({ timeout: 120_000 });
  let dc2: DevAgent | undefined;
  test.afterAll(async () => dc2?.stop());

  test("?rotate=dc1,dc2&every=5s shows each datacenter in turn, live", async ({ page, agent, consul }) => {
    dc2 = await startDevAgent({ datacenter: "dc2", joinWan: `127.0.0.1:${agent.serfWanPort}` });
    await pollUntil(
      "dc2 to appear in dc1's datacenter list",
      async () => {
        const list: unknown = await (await fetch(`${agent.url}/v1/catalog/datacenters`)).json();
        return Array.isArray(list) && list.includes("dc2") ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const p = uniq("wrot");
    await consul.registerInstance({ node: `${p}-n1`, id: `${p}-home`, service: `${p}-home`, tags: [p] });
    await new SeedApi(dc2.url).registerInstance({ node: `${p}-n2`, id: `${p}-far`, service: `${p}-far`, tags: [p] }, [
      { id: "c", status: "critical", serviceId: `${p}-far` },
    ]);

    const wall = new WallPage(page);
    // The dashboard caches the datacenter list briefly: retry until it knows dc2.
    await expect(async () => {
      await wall.goto(`?tag=${p}&rotate=dc1,dc2&every=5s`);
      await expect(wall.wall).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 45_000 });
    const dcName = page.getByTestId("wall-dc");
    for (const [dc, svc, status] of [
      ["dc1", `${p}-home`, "OK"],
      ["dc2", `${p}-far`, "DOWN"],
      ["dc1", `${p}-home`, "OK"],
    ] as const) {
      await expect(dcName).toHaveText(dc, { timeout: 12_000 });
      await expect(wall.tile(svc)).toHaveAttribute("data-status", status);
      await expect(wall.tiles).toHaveCount(1);
      await expect(wall.wall).toHaveAttribute("data-live", "true");
    }
    await expect(page.getByText(/next: dc[12] in \d+s/)).toBeVisible();
  });
});
