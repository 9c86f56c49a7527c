import { startAppServer, type AppServer } from "../scripts/app/app-server";
import { startDevAgent, type DevAgent } from "../scripts/consul/dev-agent";
import { expect, test } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";

// Consul's ACLs answer 403 for an unknown token: the banner keeps Consul's words and names what the token needs.
test.describe("Consul refuses the dashboard's token", () => {
  test.describe.configure({ timeout: 120_000 });
  let agent: DevAgent | undefined;
  let app: AppServer | undefined;

  test.afterAll(async () => {
    await app?.stop();
    await agent?.stop();
  });

  test("a 403 shows Consul's message and the permissions needed", async ({ page }) => {
    agent = await startDevAgent({
      hcl: `acl { enabled = true\n default_policy = "deny"\n tokens { initial_management = "root-secret" } }`,
    });
    app = await startAppServer({ env: { CONSUL_HTTP_ADDR: agent.url, CONSUL_HTTP_TOKEN: "00000000-0000-0000-0000-00000000dead" } });
    const overview = new OverviewPage(page);
    await page.goto(`${app.url}/`);
    await expect(overview.freshness).toContainText("Consul denied access (403)", { timeout: 20_000 });
    await expect(overview.freshness).toContainText("ACL not found");
    await expect(overview.freshness).toContainText("node:read and service:read");
    await expect(overview.freshness).toContainText("STALE");
  });
});
