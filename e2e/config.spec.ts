import { startAppServer } from "../scripts/app/app-server";
import { freePort } from "../scripts/consul/ports";
import { expect, test } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";

test.describe("configuration", () => {
  test("a bad value stops the server with a message naming the variable", async () => {
    const app = await startAppServer({ env: { CONSUL_HTTP_SSL_VERIFY: "maybe" }, waitReady: false });
    try {
      await expect.poll(() => app.process.exitCode, { timeout: 30_000 }).toBe(1);
      expect(app.output()).toContain("Invalid configuration: CONSUL_HTTP_SSL_VERIFY: must be true or false");
    } finally {
      await app.stop();
    }
  });

  test("Consul down at start: the dashboard starts anyway and says Consul is unreachable", async ({ page }) => {
    const port = await freePort();
    const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: `127.0.0.1:${port}` } });
    try {
      await page.goto(app.url);
      await expect(new OverviewPage(page).error).toContainText(`Cannot reach Consul at http://127.0.0.1:${port}`);
      const res = await page.request.get(`${app.url}/api/services`);
      expect(res.status()).toBe(503);
      expect(await res.json()).toMatchObject({ error: { kind: "unreachable" } });
    } finally {
      await app.stop();
    }
  });

  test("the token never reaches the browser", async ({ page, agent }) => {
    const secret = "5ec2e7-never-in-the-browser";
    const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: agent.url, CONSUL_HTTP_TOKEN: secret } });
    try {
      const bodies: string[] = [];
      page.on("response", async (r) => bodies.push(await r.text().catch(() => "")));
      await page.goto(app.url);
      await expect(page.getByRole("table", { name: "Services" })).toBeVisible();
      const html = await page.content();
      expect(html).not.toContain(secret);
      expect(bodies.join("\n")).not.toContain(secret);
    } finally {
      await app.stop();
    }
  });
});
