import { expect, test, uniq } from "./support/fixtures";
import { ServicePage } from "./pages/service-page";

test.describe("service page", () => {
  test("shows every instance with node and service checks, maintenance, endpoints and DNS name", async ({ page, consul, agent }) => {
    const p = uniq("svc");
    const api = `${p}-api`;
    // A node check first: registering a check re-registers its node (and its address).
    await consul.setCheck(`${p}-n1`, { id: "mem", name: "Memory", status: "passing" });
    await consul.registerInstance({ node: `${p}-n1`, id: `${api}-1`, service: api, port: 9001, address: "192.0.2.10", tags: ["v1"] }, [
      { id: "http", name: "HTTP API", status: "passing", output: "HTTP GET /health: 200 OK" },
    ]);
    await consul.registerInstance({ node: `${p}-n2`, id: `${api}-2`, service: api, port: 9002, address: "192.0.2.2" }, [
      { id: "http", name: "HTTP API", status: "warning", output: "<b>slow</b>\nline two", notes: "latency above 1s" },
    ]);
    await consul.registerInstance({ node: `${p}-n3`, id: `${api}-3`, service: api, port: 9003, address: "192.0.2.3" }, [
      { id: `_service_maintenance:${api}-3`, name: "Service Maintenance Mode", status: "critical", notes: "database migration" },
    ]);

    const sp = new ServicePage(page);
    await sp.goto(api);
    await expect(sp.heading).toHaveText(api);
    await sp.expectStatus("DEGRADED", "1/3");
    await expect(sp.dnsName).toHaveText(`${api}.service.${agent.datacenter}.consul`);
    await expect(sp.endpoints.getByRole("listitem")).toHaveText(["192.0.2.10:9001"]);

    // Node check and service check both listed on the instance, with scope.
    await expect(sp.check(`${api}-1`, `${p}-n1`, "Memory")).toContainText("node");
    await expect(sp.check(`${api}-1`, `${p}-n1`, "HTTP API")).toContainText("HTTP GET /health: 200 OK");
    await expect(sp.instance(`${api}-1`, `${p}-n1`)).toContainText("Tags: v1");
    // Output is escaped preformatted text, never HTML.
    const warn = sp.check(`${api}-2`, `${p}-n2`, "HTTP API");
    await expect(warn.locator("pre")).toHaveText("<b>slow</b>\nline two");
    await expect(warn.locator("b")).toHaveCount(0);
    await expect(warn).toContainText("Notes: latency above 1s");
    await expect(warn).toContainText("warning");
    // Maintenance is shown as maintenance, with its reason.
    await expect(sp.instance(`${api}-3`, `${p}-n3`)).toContainText("In maintenance (this instance): database migration");
    await expect(sp.check(`${api}-3`, `${p}-n3`, "Service Maintenance Mode")).toContainText("maintenance");

    // Live: the warning clears, the endpoint list grows, without a reload.
    await consul.registerInstance({ node: `${p}-n2`, id: `${api}-2`, service: api, port: 9002, address: "192.0.2.2" }, [
      { id: "http", name: "HTTP API", status: "passing" },
    ]);
    await sp.expectStatus("DEGRADED", "2/3");
    await expect(sp.endpoints.getByRole("listitem")).toHaveText(["192.0.2.10:9001", "192.0.2.2:9002"]);
  });

  test("an unknown service gives a 404 page", async ({ page }) => {
    const res = await page.goto(`/services/${uniq("nope")}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Service not found" })).toBeVisible();
  });

  test("names with URL-special characters round-trip", async ({ page, consul }) => {
    const name = `${uniq("odd")} a%b#c`;
    await consul.registerInstance({ node: `${uniq("n")}`, id: "odd-1", service: name });
    const sp = new ServicePage(page);
    await sp.goto(name);
    await expect(sp.heading).toHaveText(name);
    await sp.expectStatus("OK", "1/1");
  });
});
