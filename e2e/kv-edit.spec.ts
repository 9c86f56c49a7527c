import { KvPage } from "./pages/kv-page";
import { refuseChunks } from "./support/chunks";
import { expect, test, uniq } from "./support/kv-fixtures";

test.describe("KV editor: no edit is ever lost", () => {
  test("two editors on one key: the second save is refused with a diff, the first edit survives", async ({ browser, app, kv }) => {
    const key = `${uniq("edit")}/config.properties`;
    await kv.put(key, "a=1\nb=2\nc=3\nd=4\n");
    const ctxA = await browser.newContext({ baseURL: app.url });
    const ctxB = await browser.newContext({ baseURL: app.url });
    const a = new KvPage(await ctxA.newPage());
    const b = new KvPage(await ctxB.newPage());

    await a.openKey(key);
    await b.openKey(key);
    await a.edit();
    await b.edit();
    await a.replaceText("a=1\nb=20\nc=3\nd=4\n");
    await b.replaceText("a=1\nb=2\nc=3\nd=40\n");

    await a.save();
    await a.expectSaved();
    await expect.poll(() => kv.text(key)).toBe("a=1\nb=20\nc=3\nd=4\n");

    await b.save();
    await expect(b.conflict).toContainText("Nothing was written");
    const diff = b.conflict.getByLabel("Differences");
    await expect(diff.locator('[data-diff="theirs"]')).toContainText(["b=20", "d=4"]);
    await expect(diff.locator('[data-diff="mine"]')).toContainText(["b=2", "d=40"]);
    // The first edit survives the refused save.
    expect(await kv.text(key)).toBe("a=1\nb=20\nc=3\nd=4\n");

    // Re-applying B's edit on top of A's keeps both.
    await b.button("Re-apply my edit on theirs").click();
    await expect(b.page.getByText("Your edit was re-applied on top of their value")).toBeVisible();
    await b.save();
    await b.expectSaved();
    await expect.poll(() => kv.text(key)).toBe("a=1\nb=20\nc=3\nd=40\n");
    await ctxA.close();
    await ctxB.close();
  });

  test("overwriting deliberately, reloading, and a delete refused after a change", async ({ page, kv }) => {
    const key = `${uniq("ow")}/motd`;
    await kv.put(key, "original");
    const p = new KvPage(page);
    await p.openKey(key);
    await p.edit();
    await p.replaceText("mine");
    await kv.put(key, "theirs");
    await p.save();
    await expect(p.conflict).toBeVisible();
    expect(await kv.text(key)).toBe("theirs");
    await p.button("Overwrite with mine…").click();
    await p.button("Yes, overwrite their change").click();
    await p.expectSaved();
    await expect.poll(() => kv.text(key)).toBe("mine");
    await expect(page.getByTestId("modify-index")).toHaveText(String((await kv.entry(key))?.ModifyIndex));

    // Delete is check-and-set too.
    await kv.put(key, "changed again");
    await p.button("Delete…").click();
    await p.button("Delete key").click();
    await expect(page.getByRole("region", { name: "Delete conflict" })).toContainText("Nothing was deleted");
    expect(await kv.text(key)).toBe("changed again");
    await p.button("Delete their version anyway").click();
    await expect(p.folderTable).toBeVisible();
    await expect.poll(() => kv.text(key)).toBeNull();
  });

  test("a key deleted while being edited can be re-created deliberately", async ({ page, kv }) => {
    const key = `${uniq("gone")}/k`;
    await kv.put(key, "v1");
    const p = new KvPage(page);
    await p.openKey(key);
    await p.edit();
    await p.replaceText("v2");
    await kv.delete(key);
    await p.save();
    await expect(p.conflict).toContainText("someone deleted this key");
    await p.button("Re-create with mine…").click();
    await p.button("Yes, re-create the key").click();
    await p.expectSaved();
    expect(await kv.text(key)).toBe("v2");
  });

  test("JSON is validated with line and column; saving invalid JSON needs confirmation", async ({ page, kv }) => {
    const key = `${uniq("json")}/service.json`;
    await kv.put(key, '{"replicas":3,"name":"api"}');
    const p = new KvPage(page);
    await p.openKey(key);
    await expect(page.getByTestId("value-format")).toHaveText("JSON");
    await page.getByLabel("Pretty-print").check();
    await expect(p.viewer).toContainText('"replicas": 3,');

    await p.edit();
    await p.replaceText('{\n  "replicas": 4,\n}');
    await expect(page.getByTestId("syntax-problem")).toContainText("Invalid JSON at line 3, column 1");
    await p.save();
    await expect(page.getByText("The value is not valid JSON (line 3, column 1). Save it anyway?")).toBeVisible();
    expect(await kv.text(key)).toBe('{"replicas":3,"name":"api"}');
    await p.button("Keep editing").click();
    await p.replaceText('{"replicas": 4}');
    await expect(page.getByTestId("syntax-problem")).toHaveCount(0);
    await p.save();
    await p.expectSaved();
    expect(await kv.text(key)).toBe('{"replicas": 4}');

    await p.edit();
    await p.replaceText("{oops");
    await p.save();
    await p.button("Save invalid JSON").click();
    await p.expectSaved();
    expect(await kv.text(key)).toBe("{oops");
  });

  test("YAML is recognised and its errors carry a line", async ({ page, kv }) => {
    const key = `${uniq("yaml")}/app.yaml`;
    await kv.put(key, "name: api\nreplicas: 3\n");
    const p = new KvPage(page);
    await p.openKey(key);
    await expect(page.getByTestId("value-format")).toHaveText("YAML");
    await p.edit();
    await p.replaceText("name: api\nports: [80, 443\n");
    await expect(page.getByTestId("syntax-problem")).toContainText(/Invalid YAML at line \d+, column \d+/);
  });

  test("feature flags toggle one by one, each a check-and-set write", async ({ page, kv }) => {
    const key = `${uniq("flags")}/features`;
    await kv.put(key, '{"dark_mode": true, "new_checkout": false}');
    const p = new KvPage(page);
    await p.openKey(key);
    const checkout = page.getByRole("switch", { name: "new_checkout" });
    await expect(checkout).toHaveAttribute("aria-checked", "false");
    await checkout.click();
    await expect(checkout).toHaveAttribute("aria-checked", "true");
    expect(JSON.parse((await kv.text(key)) ?? "")).toEqual({ dark_mode: true, new_checkout: true });
    // The page has settled on our write's index before anyone else writes (else it would load theirs first).
    await expect(page.getByTestId("modify-index")).toHaveText(String((await kv.entry(key))?.ModifyIndex));

    // Someone else changes the value: our toggle is refused, theirs stays.
    await kv.put(key, '{"dark_mode": false, "new_checkout": true}');
    await page.getByRole("switch", { name: "dark_mode" }).click();
    await expect(page.getByText("Nothing was written: someone changed this value meanwhile")).toBeVisible();
    expect(JSON.parse((await kv.text(key)) ?? "")).toEqual({ dark_mode: false, new_checkout: true });
    await expect(page.getByRole("switch", { name: "dark_mode" })).toHaveAttribute("aria-checked", "false");
  });

  test("a key held by a lock session shows the session and warns before editing", async ({ page, kv, consul }) => {
    const key = `${uniq("lock")}/leader`;
    const ID = await consul.createSession("deploy-lock", "60s");
    await kv.put(key, "host-a", { acquire: ID });
    const p = new KvPage(page);
    await p.openKey(key);
    await expect(page.getByText(`Held by lock session ${ID}`)).toContainText("deploy-lock");
    await p.button("Edit").click();
    await expect(page.getByText("This key is locked by a session. Edit anyway?")).toBeVisible();
    await p.button("Edit anyway").click();
    await expect(p.editor).toBeVisible();
  });

  test("flags are shown and edited as uint64", async ({ page, kv }) => {
    const key = `${uniq("u64")}/k`;
    await kv.put(key, "v", { flags: "18446744073709551615" });
    const p = new KvPage(page);
    await p.openKey(key);
    await expect(page.getByTestId("flags")).toHaveText("18446744073709551615");
    await p.edit();
    await page.getByLabel("Flags").fill("18446744073709551616");
    await expect(page.getByText("Flags must be at most 18446744073709551615")).toBeVisible();
    await page.getByLabel("Flags").fill("9007199254740993");
    await p.save();
    await p.expectSaved();
    await expect(page.getByTestId("flags")).toHaveText("9007199254740993");
    // Consul's JSON holds the exact number (JSON.parse would round it, so read the text).
    const raw = await (await fetch(`${kv.url}/v1/kv/${key}`)).text();
    expect(raw).toContain('"Flags": 9007199254740993');
  });

  test("when the editor's code cannot be fetched, a plain text box shows and saves the value", async ({ page, kv }) => {
    const key = `${uniq("plain")}/limits.conf`;
    await kv.put(key, "max=10\n");
    // CodeMirror's chunk is refused, as after a redeploy that replaced it or on a dropped connection.
    const refused = await refuseChunks(page, "cm-editor");
    const editor = new KvPage(page);
    await editor.openKey(key);
    await expect(page.getByRole("status").filter({ hasText: "The editor could not be loaded" })).toBeVisible();
    await expect(editor.viewer).toHaveValue("max=10\n");
    expect(refused.length).toBeGreaterThan(0);
    await editor.edit();
    await editor.editor.fill("max=20\n");
    await editor.save();
    await editor.expectSaved();
    await expect.poll(() => kv.text(key)).toBe("max=20\n");
    // A chunk may still be in flight through the route: let it go quietly with the page.
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });
});
