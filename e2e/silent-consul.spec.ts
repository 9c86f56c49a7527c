import { startSilentServer } from "../scripts/consul/silent-server";
import { expect, test } from "./support/fixtures";
import { rawRequest } from "./support/raw-http";

/**
 * A Consul that accepts connections and never answers (a hung agent, a black-holing load
 * balancer). Every page and API answer must say so within the Consul deadline (3 s by
 * default) plus rendering, never stall for the old 10–30 s.
 */
const BUDGET_MS = 4_000;

test.describe("silent Consul", () => {
  test.describe.configure({ timeout: 180_000 });

  test("every page and API shows a message within the deadline", async ({ page, launch }) => {
    const silent = await startSilentServer();
    try {
      const app = await launch.app({ env: { CONSUL_HTTP_ADDR: silent.url } });
      const figures: string[] = [];
      for (const path of ["/api/services", "/api/datacenters", "/api/kv?key=a", "/api/kv/list?prefix=", "/api/kv/keys?prefix=", "/api/kv/export?prefix=", "/api/history?dc=dc1"]) {
        const res = await rawRequest(app.url, path);
        figures.push(`${path} ${res.status} ${res.ms} ms`);
        expect(res.status, `${path}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.body).toMatch(/did not answer|Cannot|not answered/);
        expect(res.ms, path).toBeLessThan(BUDGET_MS);
      }
      for (const path of ["/", "/services/web", "/wall", "/kv/", "/kv/config/app", "/kv?key=a"]) {
        const started = Date.now();
        await page.goto(`${app.url}${path}`);
        // Next adds an empty role="alert" route announcer: look for one with words.
        const alert = page.getByRole("alert").filter({ hasText: /\w/ }).first();
        await expect(alert).toBeVisible({ timeout: BUDGET_MS });
        const ms = Date.now() - started;
        figures.push(`${path} message after ${ms} ms: ${(await alert.innerText()).replace(/\s+/g, " ").slice(0, 100)}`);
        expect(ms, path).toBeLessThan(BUDGET_MS);
      }
      console.log(`silent Consul:\n  ${figures.join("\n  ")}`);
    } finally {
      await silent.close();
    }
  });
});
