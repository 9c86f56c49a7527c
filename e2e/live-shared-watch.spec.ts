import type { Page } from "@playwright/test";
import { startAppServer, type AppServer } from "../scripts/app/app-server";
import { startCountingProxy, type CountingProxy } from "../scripts/bench/counting-proxy";
import { expect, test, uniq } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";

/**
 * The dashboard talks to Consul through a counting proxy: many open screens must
 * cost Consul no more requests than one, and a check change must not cost one
 * request per service.
 */
test.describe("one upstream watch per datacenter", () => {
  test.describe.configure({ timeout: 120_000 });
  let proxy: CountingProxy | undefined;
  let app: AppServer | undefined;

  test.afterAll(async () => {
    await app?.stop();
    await proxy?.close();
  });

  test("five open pages cost Consul no more requests than one", async ({ browser, agent, consul }) => {
    proxy = await startCountingProxy(agent.url);
    app = await startAppServer({ env: { CONSUL_HTTP_ADDR: proxy.url } });
    const p = uniq("share");
    const svcs = Array.from({ length: 8 }, (_, i) => `${p}-s${i}`);
    for (const s of svcs) await consul.registerInstance({ node: `${p}-node`, id: s, service: s }, [{ id: `${s}-c`, status: "passing", serviceId: s }]);

    const context = await browser.newContext({ baseURL: app.url });
    const open = async () => {
      const page = await context.newPage();
      const o = new OverviewPage(page);
      await o.goto(`?q=${p}`);
      await o.expectLive();
      await expect(o.table.getByRole("rowheader")).toHaveCount(svcs.length);
      return { page, o };
    };
    /** Flips `k` checks one by one, waiting until every page shows each flip; returns requests to Consul meanwhile. */
    const flips = async (pages: { o: OverviewPage }[], status: "critical" | "passing", k: number) => {
      proxy?.reset();
      for (const s of svcs.slice(0, k)) {
        await consul.setCheck(`${p}-node`, { id: `${s}-c`, status, serviceId: s });
        for (const { o } of pages) await o.expectService(s, status === "critical" ? "0/1" : "1/1", status === "critical" ? "DOWN" : "OK");
      }
      return proxy?.counts() ?? new Map<string, number>();
    };

    const first = await open();
    const one = await flips([first], "critical", 5);
    const pages: { page: Page; o: OverviewPage }[] = [first];
    for (let i = 0; i < 4; i++) pages.push(await open());
    const five = await flips(pages, "passing", 5);

    // The health watch: a blocking query on the non-passing checks (membership has its own, idle here).
    const watch = (m: Map<string, number>) => m.get("/v1/health/state/any") ?? 0;
    const all = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    console.log(`upstream requests for 5 flips: 1 page ${JSON.stringify([...one])}, 5 pages ${JSON.stringify([...five])}`);
    // Each flip wakes the one blocking query, which is sent again: k flips, k-1 new requests (the one in
    // flight when counting began was counted before), rarely more if Consul's index moves between writes.
    expect(watch(one)).toBeGreaterThanOrEqual(4);
    expect(watch(one)).toBeLessThanOrEqual(10);
    expect(watch(five)).toBeLessThanOrEqual(watch(one) + 1);
    // Nothing per service: no /v1/health/service/<name> reads on a check change.
    expect([...five.keys()].filter((k) => k.startsWith("/v1/health/service/"))).toEqual([]);
    expect(all(five)).toBeLessThanOrEqual(all(one) + 2);
    await context.close();
  });
});
