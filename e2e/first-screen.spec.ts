import { startRecordingProxy } from "../scripts/consul/recording-proxy";
import { expect, test, uniq } from "./support/fixtures";
import { OverviewPage } from "./pages/overview-page";
import { seedEstate, WallPage } from "./pages/wall-page";

/** Text of the page as the server sends it, before any script runs. */
async function html(request: import("@playwright/test").APIRequestContext, path: string): Promise<string> {
  const res = await request.get(path);
  expect(res.status()).toBe(200);
  return res.text();
}

/** The wall's header totals as the HTML reads, or undefined when it has none ("Loading…"). */
function wallTotals(body: string): { down?: string; degraded?: string; ok?: string } | undefined {
  const text = (id: string) => {
    const m = new RegExp(`data-testid="wall-total-${id}"[^>]*>(.*?)</span>`).exec(body);
    return m?.[1]?.replace(/<!-- -->/g, "");
  };
  const totals = { down: text("down"), degraded: text("degraded"), ok: text("ok") };
  return totals.down === undefined && totals.degraded === undefined && totals.ok === undefined ? undefined : totals;
}

/** The named events of an SSE stream as they arrive (event name and parsed data). */
function collectEvents(url: string): { events: { event: string; data: unknown }[]; close(): void } {
  const ctrl = new AbortController();
  const events: { event: string; data: unknown }[] = [];
  void (async () => {
    const res = await fetch(url, { signal: ctrl.signal });
    const decoder = new TextDecoder();
    let buf = "";
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buf += decoder.decode(chunk, { stream: true });
      for (let end = buf.indexOf("\n\n"); end >= 0; end = buf.indexOf("\n\n")) {
        const block = buf.slice(0, end);
        buf = buf.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    }
  })().catch(() => {});
  return { events, close: () => ctrl.abort() };
}

interface Snapshot {
  state: { status: string };
  services: { name: string; healthy: number; total: number }[];
}

test.describe("first screen from the server", () => {
  test("the overview's HTML already has the first rows, problems first, and the page then goes live", async ({ page, request, consul }) => {
    const p = uniq("first");
    const [down, ok] = [`${p}-down`, `${p}-ok`];
    await consul.registerInstance({ node: `${p}-n1`, id: down, service: down }, [{ id: "http", status: "critical" }]);
    await consul.registerInstance({ node: `${p}-n2`, id: ok, service: ok }, [{ id: "http", status: "passing" }]);

    // The server's watch sees the registration within a round; then every render carries the rows.
    await expect
      .poll(async () => (await html(request, `/?q=${p}`)).includes(`data-service="${ok}"`), { timeout: 15_000 })
      .toBe(true);
    const body = await html(request, `/?q=${p}`);
    expect(body.indexOf(`data-service="${down}"`)).toBeGreaterThan(-1);
    expect(body.indexOf(`data-service="${down}"`)).toBeLessThan(body.indexOf(`data-service="${ok}"`));
    expect(body).toContain("Showing 2 of");
    // In the document itself, not in a hidden segment that a script reveals after the whole payload.
    const hidden = body.indexOf('<div hidden id="S:');
    expect(hidden === -1 || hidden > body.indexOf(`data-service="${down}"`), "rows sent hidden, to be revealed by script").toBe(true);
    // The stylesheet is inline: no render-blocking request before the rows can be painted.
    expect(body).not.toMatch(/<link[^>]+rel="stylesheet"/);

    // The same page in a browser hydrates over those rows, goes live and follows changes.
    const overview = new OverviewPage(page);
    await overview.goto(`?q=${p}`);
    await overview.expectLive();
    await overview.expectService(ok, "1/1", "OK");
    await consul.setCheck(`${p}-n2`, { id: "http", status: "critical", serviceId: ok });
    await overview.expectService(ok, "0/1", "DOWN");
  });

  test("a service page's HTML already has its instances", async ({ request, consul }) => {
    const p = uniq("first-svc");
    const web = `${p}-web`;
    await consul.registerInstance({ node: `${p}-n1`, id: `${web}-1`, service: web }, [{ id: "http", status: "passing" }]);
    await expect
      .poll(async () => (await html(request, `/services/${web}`)).includes(`data-instance="${web}-1"`), { timeout: 15_000 })
      .toBe(true);
  });

  test("the wall's HTML already has its totals, filters applied; its tiles show before the stream connects", async ({ page, request, consul }) => {
    const p = uniq("first-wall");
    const estate = await seedEstate(consul, p, p, { down: 2, degraded: 1, ok: 5 });
    await expect
      .poll(async () => wallTotals(await html(request, `/wall?tag=${p}`)), { timeout: 15_000 })
      .toEqual({ down: "■ 2 DOWN", degraded: "▲ 1 DEGRADED", ok: "● 5 OK" });
    expect(wallTotals(await html(request, `/wall?tag=${p}&status=down`))).toEqual({ down: "■ 2 DOWN", degraded: "▲ 0 DEGRADED", ok: "● 0 OK" });
    expect(wallTotals(await html(request, `/wall?tag=${p}&q=${p}-ok-00`))).toEqual({ down: "■ 0 DOWN", degraded: "▲ 0 DEGRADED", ok: "● 5 OK" });
    const wallHtml = await html(request, `/wall?tag=${p}`);
    const hidden = wallHtml.indexOf('<div hidden id="S:');
    expect(hidden === -1 || hidden > wallHtml.indexOf('data-testid="wall-total-ok"'), "totals sent hidden, to be revealed by script").toBe(true);
    // A rotating wall follows the browser's clock: it waits for each datacenter's stream, as before.
    expect(wallTotals(await html(request, `/wall?tag=${p}&rotate=dc1`))).toBeUndefined();

    // With the live stream held up, the tiles still come, from the server's first screen, not flagged stale...
    const held: import("@playwright/test").Route[] = [];
    await page.route("**/api/events**", (route) => void held.push(route));
    const wall = new WallPage(page);
    await wall.goto(`?tag=${p}`);
    await expect(wall.tiles).toHaveCount(8);
    expect(await wall.names()).toEqual([...estate.down, ...estate.degraded, ...estate.ok]);
    await expect(wall.grid.locator('[data-stale="true"]')).toHaveCount(0);
    await expect(wall.banner).toHaveCount(0);
    await expect(page.getByTestId("wall-total-ok")).toHaveText("● 5 OK");
    // ...but a stream that never speaks turns them stale within seconds: never a stale "all green".
    await expect(wall.banner).toContainText("Connecting to live updates", { timeout: 15_000 });
    await expect(wall.banner).toContainText("STALE");
    await expect(wall.grid.locator('[data-stale="true"]')).toHaveCount(8);
    await expect(wall.wall).toHaveAttribute("data-live", "false");
    for (const route of held) await route.abort().catch(() => undefined);

    // Normally the stream takes over and the wall is live.
    await page.unroute("**/api/events**");
    await wall.goto(`?tag=${p}`);
    await wall.expectLive();
    await expect(wall.tiles).toHaveCount(8);
    await expect(wall.grid.locator('[data-stale="true"]')).toHaveCount(0);
  });

  test("the overview and a service page paint before Next's scripts are fetched, then hydrate and go live", async ({ page, request, consul }) => {
    const p = uniq("first-frame");
    const web = `${p}-web`;
    await consul.registerInstance({ node: `${p}-n1`, id: `${web}-1`, service: web }, [{ id: "http", status: "passing" }]);
    await expect.poll(async () => (await html(request, `/?q=${p}`)).includes(`data-service="${web}"`), { timeout: 15_000 }).toBe(true);

    for (const path of [`/?q=${p}`, `/services/${web}`]) {
      // As a browser asks for it: no chunk script in the document, one loader with this response's nonce.
      const res = await request.get(path, { headers: { accept: "text/html" } });
      const body = await res.text();
      const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
      expect(nonce, path).toBeTruthy();
      expect(body.match(/<script[^>]*\bsrc="\/_next\/static\/chunks\/[^"]+"(?![^>]*noModule)[^>]*>/g), path).toBeNull();
      expect(body, path).toContain(`<script nonce="${nonce}">(function(){var s=["/_next/static/chunks/`);

      // In the browser: the frame that paints the first row starts before the first chunk is
      // even requested (the frame as the page's main thread sees it; Chromium's first-contentful-
      // paint entry is when the compositor presented it, later still).
      const selector = path.startsWith("/services/") ? "[data-instance]" : "[data-service]";
      await page.addInitScript(`(() => {
        const mo = new MutationObserver(() => {
          if (!document.querySelector(${JSON.stringify(selector)})) return;
          mo.disconnect();
          requestAnimationFrame(() => { window.__rowFrame = performance.now(); });
        });
        mo.observe(document, { subtree: true, childList: true });
      })();`);
      await page.goto(path);
      await expect(page.locator(selector).first()).toBeVisible();
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.includes("/_next/static/chunks/")).length))
        .toBeGreaterThan(3);
      const t = (await page.evaluate(`({
        rowFrame: window.__rowFrame,
        firstChunk: Math.min(...performance.getEntriesByType("resource").filter((e) => e.name.includes("/_next/static/chunks/")).map((e) => e.startTime)),
      })`)) as { rowFrame?: number; firstChunk: number };
      expect(t.rowFrame, path).toBeDefined();
      expect(t.firstChunk, path).toBeGreaterThanOrEqual(t.rowFrame!);
    }

    // …and the page is the live one: it hydrated and follows a change.
    const overview = new OverviewPage(page);
    await overview.goto(`?q=${p}`);
    await overview.expectLive();
    await overview.expectService(web, "1/1", "OK");
    await consul.setCheck(`${p}-n1`, { id: "http", status: "critical", serviceId: `${web}-1` });
    await overview.expectService(web, "0/1", "DOWN");
    await overview.row(web).getByRole("link", { name: web }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${web}$`));
    await expect(page.locator(`[data-instance="${web}-1"]`)).toBeVisible();
  });

  test("a wall whose scripts never run shows its totals at once, then says it is not live", async ({ browser, app, consul }) => {
    const p = uniq("first-wall-nojs");
    await seedEstate(consul, p, p, { down: 0, degraded: 0, ok: 3 });
    const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const wall = new WallPage(page);
      await expect(async () => {
        await wall.goto(`?tag=${p}`);
        await expect(page.getByTestId("wall-total-ok")).toHaveText("● 3 OK", { timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      await expect(wall.banner).toBeVisible({ timeout: 15_000 });
      await expect(wall.banner).toContainText("STALE");
    } finally {
      await context.close();
    }
  });
});

test.describe("cold start", () => {
  test("while the first full read is held up, the stream sends Consul's service summary, then the full read replaces it", async ({ launch, agent, consul }) => {
    const p = uniq("cold");
    const [down, ok] = [`${p}-down`, `${p}-ok`];
    await consul.registerInstance({ node: `${p}-n1`, id: down, service: down }, [{ id: "http", status: "critical" }]);
    await consul.registerInstance({ node: `${p}-n2`, id: `${ok}-1`, service: ok }, [{ id: "http", status: "passing" }]);
    await consul.registerInstance({ node: `${p}-n3`, id: `${ok}-2`, service: ok }, [{ id: "http", status: "passing" }]);

    // A Consul slow to list its catalog (the full read at 50,000 instances takes seconds): the
    // watch's full read waits; the service summary and the non-passing checks answer at once.
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    const fullRead = (path: string) => /^\/v1\/(catalog\/|internal\/ui\/nodes)/.test(path);
    const proxy = await startRecordingProxy(agent.url, { hold: (r) => (fullRead(r.path) ? released : undefined) });
    const stream = { close: () => {} };
    try {
      const app = await launch.app({ env: { CONSUL_HTTP_ADDR: proxy.url } });
      const { events, close } = collectEvents(`${app.url}/api/events`);
      stream.close = close;
      const snapshots = () => events.filter((e) => e.event === "snapshot").map((e) => e.data as Snapshot);
      const row = (s: Snapshot | undefined, name: string) => {
        const r = s?.services.find((x) => x.name === name);
        return r && `${r.healthy}/${r.total}`;
      };

      await expect.poll(() => snapshots().length, { timeout: 15_000 }).toBeGreaterThan(0);
      const early = snapshots()[0];
      expect(early?.state.status).toBe("starting");
      expect(row(early, down)).toBe("0/1");
      expect(row(early, ok)).toBe("2/2");
      expect(proxy.requests().filter((r) => fullRead(r.path) && r.endedAt !== undefined), "the full read was not held").toEqual([]);

      release();
      await expect.poll(() => snapshots().at(-1)?.state.status, { timeout: 20_000 }).toBe("live");
      expect(snapshots().length).toBe(2);
      expect(row(snapshots()[1], ok)).toBe("2/2");
      expect(row(snapshots()[1], down)).toBe("0/1");
    } finally {
      stream.close();
      release();
      await proxy.close();
    }
  });
});
