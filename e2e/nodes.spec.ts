import { expect, test, uniq } from "./support/fixtures";
import { expectHydrated, pressUntilFocused } from "./support/hydration";

test.describe("nodes", () => {
  test("a failing node check makes the node critical and its instances unhealthy; the node page names what it takes down", async ({ page, agent, consul }) => {
    const p = uniq("nd");
    const [n1, n2] = [`${p}-n1`, `${p}-n2`];
    await consul.registerInstance({ node: n1, id: `${p}-web-1`, service: `${p}-web`, address: "10.1.0.1" });
    await consul.registerInstance({ node: n2, id: `${p}-web-2`, service: `${p}-web`, address: "10.1.0.2" });
    await consul.registerInstance({ node: n1, id: `${p}-solo-1`, service: `${p}-solo`, address: "10.1.0.1" });
    await consul.catalogRegister({ Node: n1, Address: "10.1.0.1", Check: { CheckID: "disk", Name: "Disk space", Status: "passing", Output: "<b>ok</b>" } });
    // A lock session held by the node (synthetic nodes have no serfHealth: no checks).
    const session = await fetch(`${agent.url}/v1/session/create`, { method: "PUT", body: JSON.stringify({ Node: n1, Name: `${p}-lock`, NodeChecks: [] }) });
    expect(session.ok).toBe(true);

    await page.goto(`/nodes?q=${p}`);
    const table = page.getByRole("table", { name: "Nodes" });
    const row = (n: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: n, exact: true }) });
    await expect(row(n1).getByText("passing", { exact: true })).toBeVisible();
    await expect(row(n1).getByTestId("node-instances")).toHaveText("2");
    await expect(row(n1).getByTestId("node-unhealthy")).toHaveText("0");
    await expect(row(n1)).toContainText("10.1.0.1");

    // The node page while healthy: failing it would leave solo with nothing and web with one.
    await row(n1).getByRole("link", { name: n1 }).click();
    await expect(page).toHaveURL(new RegExp(`/nodes/${n1}`));
    const down = page.getByRole("list", { name: "Left with no healthy instance" });
    await expect(down.getByRole("link", { name: `${p}-solo` })).toBeVisible();
    await expect(page.getByRole("list", { name: "Lose healthy instances" }).getByRole("link", { name: `${p}-web` })).toBeVisible();
    // Check output is text, never HTML.
    await expect(page.getByRole("region", { name: "Node checks" }).locator("pre")).toHaveText("<b>ok</b>");
    await expect(page.getByRole("region", { name: "Lock sessions" })).toContainText(`${p}-lock`);

    // The node's check fails: the list shows it critical with both instances unhealthy, problems first.
    await consul.updateCheck(n1, { id: "disk", name: "Disk space", status: "critical", output: "disk full" });
    await page.goto(`/nodes?q=${p}`);
    await expect(row(n1).getByText("critical", { exact: true })).toBeVisible();
    await expect(row(n1).getByTestId("node-unhealthy")).toHaveText("2");
    await expect(table.getByRole("rowheader")).toHaveText([n1, n2]);
    // Status filter and sort live in the URL.
    // The list is in the server's HTML: a choice made before React has hydrated the select would go nowhere.
    await expectHydrated(page.getByLabel("Node status"));
    await page.getByLabel("Node status").selectOption("critical");
    await expect(page).toHaveURL(/status=critical/);
    // "/" focuses the page's search here too.
    const search = page.getByRole("searchbox", { name: "Search node, address or service" });
    await pressUntilFocused(page, "/", search);
    await expect(search).toHaveValue(p);
    await expect(table.getByRole("rowheader")).toHaveText([n1]);

    // The service page shows the instance unhealthy and links to its node; the node page links back.
    await page.goto(`/services/${p}-solo`);
    const card = page.getByRole("article", { name: `Instance ${p}-solo-1 on ${n1}` });
    await expect(card.locator("[data-state]").first()).toHaveAttribute("data-state", "critical");
    await card.getByRole("link", { name: n1 }).click();
    await expect(page.getByRole("heading", { name: n1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Node checks" })).toContainText("disk full");
    const instances = page.getByRole("region", { name: "Instances on this node" });
    await expect(instances.locator(`[data-instance="${p}-solo-1"] [data-state]`)).toHaveAttribute("data-state", "critical");
    await instances.getByRole("link", { name: `${p}-solo` }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${p}-solo`));
  });

  test("an unknown node is a 404 page, and a name that cannot be a node is refused before Consul", async ({ page }) => {
    const res = await page.goto("/nodes/no-such-node-here");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Node not found" })).toBeVisible();
    // "%2e%2e" once decoded: a dot segment in another spelling.
    expect((await page.goto("/nodes/%252e%252e"))?.status()).toBe(404);
    const api = await page.request.get("/api/nodes/%252e%252e");
    expect(api.status()).toBe(400);
  });
});
