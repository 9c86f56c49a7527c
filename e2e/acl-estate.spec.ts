import { SeedApi } from "../scripts/consul/seed-api";
import { expect, test } from "./support/fixtures";

const ACL_HCL = `acl { enabled = true\n default_policy = "deny"\n tokens { initial_management = "root-secret" } }`;

test.describe("a token that cannot see everything", () => {
  test.describe.configure({ timeout: 120_000 });

  test("lists filtered by ACLs say so, and Consul's own health names operator:read", async ({ page, launch }) => {
    const agent = await launch.agent({ hcl: ACL_HCL });
    const root = new SeedApi(agent.url, "root-secret");
    await root.createAclPolicy("pub-only", `service_prefix "pub-" { policy = "read" }\nnode_prefix "" { policy = "read" }`);
    const token = await root.createAclToken("dashboard, public services only", ["pub-only"]);
    await root.registerInstance({ node: "acl-n1", id: "pub-a", service: "pub-a" });
    await root.registerInstance({ node: "acl-n2", id: "priv-b", service: "priv-b" });
    const app = await launch.app({ env: { CONSUL_HTTP_ADDR: agent.url, CONSUL_HTTP_TOKEN: token.SecretID } });

    await page.goto(`${app.url}/`);
    const table = page.getByRole("table", { name: "Services" });
    await expect(table.getByRole("rowheader", { name: "pub-a", exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(table.getByRole("rowheader", { name: "priv-b", exact: true })).toHaveCount(0);
    const notice = page.getByRole("note", { name: "ACL notice" });
    await expect(notice).toContainText("token cannot see everything");

    await page.goto(`${app.url}/nodes`);
    await expect(page.getByRole("table", { name: "Nodes" }).getByRole("rowheader", { name: "acl-n1", exact: true })).toBeVisible();
    await expect(page.getByRole("note", { name: "ACL notice" })).toBeVisible();

    await page.goto(`${app.url}/datacenters`);
    await expect(page.getByRole("note", { name: "ACL notice" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("cluster-forbidden")).toContainText("operator:read", { timeout: 20_000 });
  });
});
