import type { Page } from "@playwright/test";
import type { DevAgent } from "../scripts/consul/dev-agent";
import { pollUntil } from "../scripts/consul/ports";
import { startRecordingProxy, type RecordedRequest } from "../scripts/consul/recording-proxy";
import { SeedApi } from "../scripts/consul/seed-api";
import { expect, test, uniq } from "./support/fixtures";

async function waitForDatacenters(agent: DevAgent, names: string[]): Promise<void> {
  await pollUntil(`${names.join(", ")} in ${agent.datacenter}'s datacenter list`, async () => {
    const list = (await (await fetch(`${agent.url}/v1/catalog/datacenters`)).json()) as string[];
    return names.every((n) => list.includes(n)) ? true : undefined;
  }, { timeoutMs: 60_000, intervalMs: 250 });
}

/** Requests per datacenter (`?dc=`; none is the local one) among `reqs`. */
function perDc(reqs: RecordedRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of reqs) {
    const dc = new URLSearchParams(r.query).get("dc") ?? "local";
    out[dc] = (out[dc] ?? 0) + 1;
  }
  return out;
}

/** A screen's stream of the estate, read in this process; resolves `firstEstate` with the first `estate` event. */
function openScreen(url: string): { firstEstate: Promise<void>; close(): void } {
  const abort = new AbortController();
  const firstEstate = (async () => {
    const res = await fetch(url, { signal: abort.signal });
    const reader = res.body!.getReader();
    let text = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended before its first estate");
      text += new TextDecoder().decode(value);
      if (text.includes("event: estate")) break;
    }
    // Keep reading (and so keep the screen open) until closed.
    void (async () => {
      while (!(await reader.read().catch(() => ({ done: true }))).done);
    })();
  })();
  return { firstEstate, close: () => abort.abort() };
}

function dcRow(page: Page, dc: string) {
  return page.getByRole("table", { name: "Datacenters" }).locator(`tr[data-dc="${dc}"]`);
}

test.describe("every datacenter at once", () => {
  test.describe.configure({ timeout: 300_000 });

  test("three datacenters live on /datacenters and /wall?dc=all; one killed shows unreachable and recovers; more screens cost Consul nothing", async ({ page, context, launch }) => {
    const dc1 = await launch.agent({ datacenter: "dc1" });
    const wan = `127.0.0.1:${dc1.serfWanPort}`;
    const dc2 = await launch.agent({ datacenter: "dc2", joinWan: wan });
    let dc3 = await launch.agent({ datacenter: "dc3", joinWan: wan });
    await waitForDatacenters(dc1, ["dc1", "dc2", "dc3"]);
    const proxy = await startRecordingProxy(dc1.url);
    try {
      const app = await launch.app({ env: { CONSUL_HTTP_ADDR: proxy.url, DASHBOARD_WATCH_MAX_BACKOFF_SECONDS: "3" } });
      const p = uniq("est");
      await new SeedApi(dc1.url).registerInstance({ node: `${p}-a`, id: `${p}-home`, service: `${p}-home` });
      await new SeedApi(dc2.url).registerInstance({ node: `${p}-b`, id: `${p}-far`, service: `${p}-far` }, [{ id: "c", status: "critical" }]);
      const seedDc3 = () => new SeedApi(dc3.url).registerInstance({ node: `${p}-c`, id: `${p}-farther`, service: `${p}-farther` }, [{ id: "c", status: "critical" }]);
      await seedDc3();

      await page.goto(`${app.url}/datacenters`);
      for (const dc of ["dc1", "dc2", "dc3"]) await expect(dcRow(page, dc).locator("[data-reachable]")).toHaveAttribute("data-reachable", "true", { timeout: 30_000 });
      await expect(dcRow(page, "dc1").getByRole("link", { name: "dc1" })).toHaveAttribute("href", "/?dc=dc1");
      await expect(dcRow(page, "dc2").getByTestId("dc-down")).toHaveText("1");
      // Consul's own health: the dev agent's single server leads (no ACLs: operator:read allowed).
      await expect(dcRow(page, "dc1").getByTestId("cluster-health")).toContainText("Servers healthy", { timeout: 30_000 });
      const problems = page.getByRole("table", { name: "Problem services" });
      await expect(problems.locator(`tr[data-service="${p}-far"]`)).toContainText("dc2");
      await expect(problems.locator(`tr[data-service="${p}-farther"]`)).toContainText("dc3");
      await expect(problems.locator(`tr[data-service="${p}-home"]`)).toHaveCount(0);

      const wall = await context.newPage();
      await wall.goto(`${app.url}/wall?dc=all`);
      const tiles = wall.getByRole("list", { name: "Services" });
      await expect(tiles.locator(`[data-service="dc2 · ${p}-far"]`)).toHaveAttribute("data-status", "DOWN");
      await expect(tiles.locator(`[data-service="dc3 · ${p}-farther"]`)).toBeVisible();
      const totals = wall.getByRole("list", { name: "Datacenter totals" });
      await expect(totals.getByRole("listitem")).toHaveCount(3);
      await expect(totals.locator('[data-dc="dc2"]')).toContainText("1 DOWN");

      // Cost: the same window with two screens, then with five more; requests per datacenter printed for the README.
      const windowMs = 20_000;
      proxy.reset();
      await page.waitForTimeout(windowMs);
      const few = proxy.requests();
      // Five more screens of /datacenters, as streams read here (a browser holds at most 6 connections per host).
      const more = Array.from({ length: 5 }, () => openScreen(`${app.url}/api/events?scope=datacenters`));
      await Promise.all(more.map((s) => s.firstEstate));
      proxy.reset();
      await page.waitForTimeout(windowMs);
      const many = proxy.requests();
      console.log(`Consul requests in ${windowMs / 1000} s, 2 screens: ${JSON.stringify(perDc(few))}; 7 screens: ${JSON.stringify(perDc(many))}`);
      console.log(`paths (7 screens): ${JSON.stringify(many.map((r) => `${r.path}?${r.query}`))}`);
      // Blocking queries time out on their own clock, so allow the odd extra return; never a request per screen.
      expect(many.length).toBeLessThanOrEqual(few.length + 3);
      for (const s of more) s.close();

      // dc3 dies: its row says unreachable and why; the others stay live.
      await dc3.kill();
      await expect(dcRow(page, "dc3").locator("[data-reachable]")).toHaveAttribute("data-reachable", "false", { timeout: 60_000 });
      await expect(dcRow(page, "dc3").getByTestId("dc-reachable")).toContainText("Unreachable");
      await expect(dcRow(page, "dc2").locator("[data-reachable]")).toHaveAttribute("data-reachable", "true");
      await expect(totals.locator('[data-dc="dc3"]')).toContainText("UNREACHABLE");
      // dc2 is still live: a change there shows at once.
      await new SeedApi(dc2.url).setCheck(`${p}-b`, { id: "c", status: "passing", serviceId: `${p}-far` });
      await expect(problems.locator(`tr[data-service="${p}-far"]`)).toHaveCount(0);
      await expect(tiles.locator(`[data-service="dc2 · ${p}-far"]`)).toHaveCount(0);

      // dc3 comes back (a dev agent forgets its data): it is reachable and live again.
      dc3 = await launch.agent({ datacenter: "dc3", joinWan: wan });
      await seedDc3();
      await expect(dcRow(page, "dc3").locator("[data-reachable]")).toHaveAttribute("data-reachable", "true", { timeout: 90_000 });
      await expect(problems.locator(`tr[data-service="${p}-farther"]`)).toContainText("dc3", { timeout: 30_000 });
      await expect(totals.locator('[data-dc="dc3"]')).toContainText("1 DOWN");
    } finally {
      await proxy.close();
    }
  });
});
