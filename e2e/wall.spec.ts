import { expect, test, uniq } from "./support/fixtures";
import { seedEstate, WallPage } from "./pages/wall-page";

test.use({ viewport: { width: 1920, height: 1080 } });

test.describe("ops-room wall", () => {
  test.describe.configure({ timeout: 120_000 });

  test("60 services at 1920×1080: all fit, problems first and in view, live", async ({ page, consul }, info) => {
    const p = uniq("w60");
    const estate = await seedEstate(consul, p, p, { down: 4, degraded: 6, ok: 50 });
    const wall = new WallPage(page);
    await wall.goto(`?tag=${p}`);
    await wall.expectLive();
    await expect(wall.tiles).toHaveCount(60);
    await expect(page.getByTestId("wall-total-down")).toHaveText("■ 4 DOWN");
    await expect(page.getByTestId("wall-total-degraded")).toHaveText("▲ 6 DEGRADED");
    await expect(page.getByTestId("wall-total-ok")).toHaveText("● 50 OK");
    // Stable order: DOWN, then DEGRADED, then OK, each by name.
    expect(await wall.names()).toEqual([...estate.down, ...estate.degraded, ...estate.ok]);
    await wall.expectNoScroll();
    expect(await wall.expectWhollyInView('[data-status="DOWN"], [data-status="DEGRADED"]')).toBe(10);
    expect(await wall.expectWhollyInView("[role=listitem]")).toBe(60);
    // Status by word and count, not colour alone; problems say for how long.
    const down = wall.tile(estate.down[0] ?? "");
    await expect(down).toContainText("DOWN");
    await expect(down.getByTestId("tile-count")).toHaveText("0/1");
    await expect(down.getByTestId("tile-since")).toHaveText(/^≥?\d+s$/);
    await expect(wall.tile(estate.degraded[0] ?? "").getByTestId("tile-count")).toHaveText("1/2");
    // Problem tiles are larger than OK tiles: readable from across the room.
    const big = await down.boundingBox();
    const small = await wall.tile(estate.ok[0] ?? "").boundingBox();
    expect(big && small && big.height > small.height * 1.5).toBe(true);
    await page.screenshot({ path: info.outputPath("wall-60-1920x1080.png") });
    await page.screenshot({ path: "test-results/wall-60-1920x1080.png" });
  });

  test("200 services fit at 1920×1080 and 3840×2160; beyond 200, OK services fold", async ({ page, consul }) => {
    const p = uniq("w200");
    const estate = await seedEstate(consul, p, p, { down: 10, degraded: 15, ok: 175 });
    const wall = new WallPage(page);
    await wall.goto(`?tag=${p}`);
    await wall.expectLive();
    await expect(wall.tiles).toHaveCount(200);
    await wall.expectNoScroll();
    expect(await wall.expectWhollyInView('[data-status="DOWN"], [data-status="DEGRADED"]')).toBe(25);
    expect(await wall.expectWhollyInView("[role=listitem]")).toBe(200);
    expect((await wall.names()).slice(0, 25)).toEqual([...estate.down, ...estate.degraded]);
    await page.screenshot({ path: "test-results/wall-200-1920x1080.png" });

    await page.setViewportSize({ width: 3840, height: 2160 });
    await expect(wall.tiles).toHaveCount(200);
    await wall.expectNoScroll();
    await expect.poll(() => wall.expectWhollyInView("[role=listitem]")).toBe(200);
    await page.screenshot({ path: "test-results/wall-200-3840x2160.png" });

    // 60 more OK services: 260 in all, OK ones fold into one count, every problem keeps its tile.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await seedEstate(consul, `${p}-more`, p, { down: 0, degraded: 0, ok: 60 });
    const folded = wall.grid.locator('[data-kind="folded"]');
    await expect(folded).toContainText("235 OK", { timeout: 15_000 });
    await expect(wall.tiles).toHaveCount(26);
    await expect(page.getByTestId("wall-total-ok")).toHaveText("● 235 OK");
    await wall.expectNoScroll();
    expect(await wall.expectWhollyInView('[data-status="DOWN"], [data-status="DEGRADED"]')).toBe(25);
    await expect(folded).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: "test-results/wall-260-folded-1920x1080.png" });
  });

  test("a check flipped in Consul makes its tile pulse and move; sound alarm is acknowledged by a click", async ({ page, consul }) => {
    const p = uniq("wpulse");
    const estate = await seedEstate(consul, p, p, { down: 1, degraded: 0, ok: 5 });
    const victim = estate.ok[3] ?? "";
    const wall = new WallPage(page);
    await wall.goto(`?tag=${p}&sound=on`);
    await wall.expectLive();
    await expect(wall.tiles).toHaveCount(6);
    // Nothing pulses at first sight, and a DOWN that was already there raises no alarm.
    await expect(wall.grid.locator('[data-pulse="true"]')).toHaveCount(0);
    await expect(wall.wall).not.toContainText("new DOWN");
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    await consul.setCheck(`${p}-node-3`, { id: `${victim}-chk`, status: "critical", serviceId: victim });
    const tile = wall.tile(victim);
    await expect(tile).toHaveAttribute("data-status", "DOWN", { timeout: 5_000 });
    await expect(tile).toHaveAttribute("data-pulse", "true");
    await expect(tile).toHaveCSS("animation-name", "wall-pulse");
    await expect(tile.getByTestId("tile-since")).toHaveText(/^\d+s$/);
    // Problems first: it moved next to the other DOWN service, in name order.
    expect((await wall.names()).slice(0, 2)).toEqual([estate.down[0], victim].sort());
    await expect(wall.strip).toContainText(`${victim} → DOWN (was OK)`);
    await expect(wall.wall).toContainText(`new DOWN: ${victim} (click to acknowledge)`);
    await wall.wall.click();
    await expect(wall.wall).not.toContainText("new DOWN");
    // The pulse lasts a few seconds, then stops.
    await expect(tile).toHaveAttribute("data-pulse", "false", { timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  test("set up by link: status, text, theme; a bad option is named on screen", async ({ page, consul }) => {
    const p = uniq("wlink");
    const estate = await seedEstate(consul, p, p, { down: 2, degraded: 1, ok: 3 });
    const wall = new WallPage(page);
    await wall.goto(`?tag=${p}&status=down`);
    await wall.expectLive();
    expect(await wall.names()).toEqual(estate.down);
    await expect(wall.wall).toHaveAttribute("data-theme", "dark");
    await expect(wall.wall).toHaveCSS("background-color", "rgb(5, 8, 13)");

    await wall.goto(`?q=${p}-ok-00&theme=light&every=soon`);
    await expect(wall.tiles).toHaveCount(3);
    await expect(wall.wall).toHaveAttribute("data-theme", "light");
    await expect(wall.wall).toHaveCSS("background-color", "rgb(241, 245, 249)");
    await expect(wall.wall).toContainText('every="soon" ignored');
    await page.screenshot({ path: "test-results/wall-light-1920x1080.png" });

    await wall.goto(`?dc=nowhere`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText('Unknown datacenter "nowhere"');
  });

  test("reloads itself when a new build is deployed, once", async ({ page, consul }) => {
    const p = uniq("wver");
    await seedEstate(consul, p, p, { down: 0, degraded: 0, ok: 2 });
    const wall = new WallPage(page);
    await wall.goto(`?tag=${p}`);
    await wall.expectLive();
    // Asked while the page reloads, evaluate fails: that is "not yet".
    const marker = () => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload).catch(() => "reloading");
    await page.evaluate(() => Object.assign(window, { __noReload: true }));
    // The server now reports another build (as after a deploy); the wall asks again when it regains focus.
    await page.route("**/api/version", (route) => route.fulfill({ json: { buildId: "a-newer-build" } }));
    await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
    await expect.poll(marker, { timeout: 15_000 }).toBeUndefined();
    await wall.expectLive();
    // A page that still differs after its reload (e.g. a stale cache) does not reload in a loop.
    await page.evaluate(() => Object.assign(window, { __noReload: true }));
    const asked = page.waitForResponse("**/api/version");
    await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
    await asked;
    await wall.expectLive();
    expect(await marker()).toBe(true);
  });
});
