import { KvPage } from "./pages/kv-page";
import { expect, test, uniq } from "./support/kv-fixtures";

test.describe("KV browser: folders, breadcrumbs, search, create and delete", () => {
  test("browses folder by folder with breadcrumbs; every folder and key deep-links", async ({ page, kv }) => {
    const root = uniq("browse");
    await kv.put(`${root}/app/web/config.json`, '{"port": 8080}');
    await kv.put(`${root}/app/web/motd`, "<img src=x onerror=alert(1)>");
    await kv.put(`${root}/app/readme`, "hello");
    await kv.put(`${root}/app`, "a key named like the folder");
    const p = new KvPage(page);
    await p.openFolder(`${root}/`);
    await expect(p.folderTable.getByRole("row", { name: /app\/ folder \(a key of the same name exists too\)/ })).toBeVisible();
    await p.folderTable.getByRole("link", { name: "app/" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${root}/app/`);
    await p.folderTable.getByRole("link", { name: "web/" }).click();
    await expect(page).toHaveURL(new RegExp(`/kv/${root}/app/web\\?view=folder$`));
    await p.folderTable.getByRole("link", { name: "motd" }).click();
    // Values are text, never HTML.
    await expect(p.viewer).toContainText("<img src=x onerror=alert(1)>");
    await expect(page.locator("main img")).toHaveCount(0);
    const crumbs = page.getByRole("navigation", { name: "Breadcrumbs" });
    await expect(crumbs).toContainText(`root/${root}/app/web/motd`);
    await crumbs.getByRole("link", { name: "app" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${root}/app/`);

    // Deep links: the key and the folder of the same name both open.
    await page.goto(`/kv/${root}/app`);
    await expect(page.getByTestId("full-key")).toHaveText(`${root}/app`);
    await page.goto(`/kv/${root}/app?view=folder`);
    await expect(p.folderTable.getByRole("link", { name: "readme" })).toBeVisible();
  });

  test("creates keys and folders, and deletes a folder only after its name is typed", async ({ page, kv }) => {
    const root = uniq("mk");
    const p = new KvPage(page);
    await p.openFolder(`${root}/`);
    await p.openCreate();
    await page.getByLabel("New name").fill("sub");
    await p.button("Create folder").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${root}/sub/`);
    expect(await kv.keys(`${root}/`)).toEqual([`${root}/sub/`]);
    await p.openCreate();
    await page.getByLabel("New name").fill("one");
    await page.getByLabel("New value").fill("1");
    await page.getByLabel("New flags").fill("42");
    await p.button("Create key").click();
    await expect(page.getByTestId("flags")).toHaveText("42");
    await kv.putMany([1, 2, 3].map((i) => ({ key: `${root}/sub/deep/k${i}`, value: "v" })));

    // Creating over an existing key is refused (cas=0).
    await p.openFolder(`${root}/sub/`);
    await p.openCreate();
    await page.getByLabel("New name").fill("one");
    await p.button("Create key").click();
    await expect(p.alert).toContainText(`“${root}/sub/one” already exists`);
    expect(await kv.text(`${root}/sub/one`)).toBe("1");

    await page.keyboard.press("Escape"); // close the create dialog
    await p.button("Delete folder…").click();
    await expect(page.getByTestId("delete-count")).toHaveText(`This deletes 5 keys below “${root}/sub/”, at once.`);
    const go = p.button(/^Delete 5 keys$/);
    await expect(go).toBeDisabled();
    await page.getByLabel("Confirm folder name").fill("sub");
    await expect(go).toBeDisabled();
    await page.getByLabel("Confirm folder name").fill(`${root}/sub`);
    await go.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${root}/`);
    expect(await kv.keys(`${root}/`)).toEqual([]);

    const recent = page.getByRole("table", { name: "Recent changes" });
    await expect(recent.getByRole("row").filter({ hasText: `${root}/sub/` }).first()).toContainText("delete-tree");
    await expect(recent.getByRole("row").filter({ hasText: `${root}/sub/one` }).first()).toContainText("create");
  });

  test("searches key names across 10,000 keys quickly", async ({ page, kv }) => {
    test.setTimeout(120_000);
    const root = uniq("search");
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ key: `${root}/svc-${i % 50}/env-${i % 7}/key-${i}`, value: "v" }));
    await kv.putMany(entries);
    const p = new KvPage(page);
    await p.openFolder("");
    const box = page.getByRole("searchbox", { name: "Search keys" });
    await box.fill(root);
    await expect(page.getByTestId("search-count")).toContainText("10000 matches");
    const t0 = Date.now();
    await box.fill(`${root}/svc-7/env-3/key-9`);
    // i ≡ 7 (mod 50), ≡ 3 (mod 7), starting with 9: computed here the same way.
    const expected = entries.filter((e) => e.key.includes(`${root}/svc-7/env-3/key-9`)).length;
    await expect(page.getByTestId("search-count")).toContainText(`${expected} ${expected === 1 ? "match" : "matches"}`);
    const ms = Date.now() - t0;
    console.log(`search over ${entries.length}+ keys answered in ${ms} ms`);
    expect(ms).toBeLessThan(2_000);
    await page.getByRole("list", { name: "Search results" }).getByRole("link").first().click();
    await expect(page.getByTestId("full-key")).toContainText(`${root}/svc-7/env-3/key-9`);
  });
});
