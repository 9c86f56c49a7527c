import { expect, test } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";

// Consul's ACLs answer 403 for an unknown token: the banner keeps Consul's words and names what the token needs.
test.describe("Consul refuses the dashboard's token", () => {
  test.describe.configure({ timeout: 120_000 });
  test("a 403 shows Consul's message and the permissions needed", async ({ page, launch }) => {
    const agent = await launch.agent({
      hcl: `acl { enabled = true\n default_policy = "deny"\n tokens { initial_management = "root-secret" } }`,
    });
    const app = await launch.app({ env: { CONSUL_HTTP_ADDR: agent.url, CONSUL_HTTP_TOKEN: "00000000-0000-0000-0000-00000000dead" } });
    const overview = new OverviewPage(page);
    await page.goto(`${app.url}/`);
    await expect(overview.freshness).toContainText("Consul denied access (403)", { timeout: 20_000 });
    await expect(overview.freshness).toContainText("ACL not found");
    await expect(overview.freshness).toContainText("node:read and service:read");
    await expect(overview.freshness).toContainText("STALE");
  });
});
