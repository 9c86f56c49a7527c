import { KvPage } from "./pages/kv-page";
import { expect, test, uniq } from "./support/kv-fixtures";

test.describe("KV values and keys: bytes and odd names survive", () => {
  test("a binary value survives, byte for byte, opening it and saving its neighbours", async ({ page, kv }) => {
    const folder = `${uniq("bin")}/`;
    const bytes = Buffer.from([...Array.from({ length: 256 }, (_, i) => i), 0xff, 0xfe, 0xc3, 0x28]);
    await kv.put(`${folder}blob`, bytes);
    await kv.put(`${folder}neighbour`, "text");
    const p = new KvPage(page);

    await p.openKey(`${folder}blob`);
    await expect(page.getByTestId("binary-value")).toContainText("Binary value (not valid UTF-8), 260 B (260 bytes)");
    await expect(page.getByLabel("Hex preview")).toContainText("00000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f");

    await p.openKey(`${folder}neighbour`);
    await p.edit();
    await p.replaceText("text, edited");
    await p.save();
    await p.expectSaved();
    await p.openFolder(folder);
    expect((await kv.raw(`${folder}blob`))?.equals(bytes)).toBe(true);

    // Replacing it needs explicit base64 (or a file), sent byte for byte.
    await p.openKey(`${folder}blob`);
    await p.button("Edit").click();
    await expect(page.getByText("This value is binary. Replace it with a file or with base64")).toBeVisible();
    await expect(p.editor).toHaveCount(0);
    await page.getByLabel("Replacement base64").fill("not base64!");
    await p.button("Use this base64").click();
    await expect(p.alert).toContainText("not valid base64");
    const next = Buffer.from([0x00, 0xff, 0x80, 0x7f]);
    await page.getByLabel("Replacement base64").fill(next.toString("base64"));
    await p.button("Use this base64").click();
    await expect(page.getByTestId("replacement")).toContainText("4 bytes");
    await p.save();
    await p.expectSaved();
    expect((await kv.raw(`${folder}blob`))?.equals(next)).toBe(true);

    // Or a file.
    await p.button("Edit").click();
    const fileBytes = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]);
    await page.getByLabel("Replacement file").setInputFiles({ name: "blob.bin", mimeType: "application/octet-stream", buffer: fileBytes });
    await expect(page.getByTestId("replacement")).toContainText("5 bytes from blob.bin");
    await p.save();
    await p.expectSaved();
    expect((await kv.raw(`${folder}blob`))?.equals(fileBytes)).toBe(true);
  });

  test("odd keys round-trip through the browser: spaces, unicode, %, #, ?, long keys", async ({ page, kv }) => {
    const folder = `${uniq("odd")}/`;
    const names = ["with space", "ünïcødé ✓ 日本", "100% sure", "a#hash", "what?now", "%41%2F", "x".repeat(600)];
    const p = new KvPage(page);
    for (const name of names) {
      await p.openFolder(folder);
      await p.openCreate();
      await page.getByLabel("New name").fill(name);
      await page.getByLabel("New value").fill(`value of ${name}`);
      await p.button("Create key").click();
      await expect(page.getByTestId("full-key")).toHaveText(`${folder}${name}`);
      await expect(p.viewer).toContainText(`value of ${name}`);
      expect(await kv.text(`${folder}${name}`)).toBe(`value of ${name}`);
    }
    // Every one is listed, and each link opens the exact key.
    await p.openFolder(folder);
    for (const name of names) {
      await p.folderTable.getByRole("link", { name, exact: true }).click();
      await expect(page.getByTestId("full-key")).toHaveText(`${folder}${name}`);
      await page.goBack();
      await expect(p.folderTable).toBeVisible();
    }
    // Editing one keeps the key exact.
    await p.openKey(`${folder}100% sure`);
    await p.edit();
    await p.replaceText("edited");
    await p.save();
    await p.expectSaved();
    expect(await kv.text(`${folder}100% sure`)).toBe("edited");
  });

  test("keys a URL would rewrite (//, ..) are edited exactly, and refused when new", async ({ page, kv }) => {
    const folder = `${uniq("slash")}/`;
    const weird = `${folder}a//b`;
    const dots = `${folder}x/../y`;
    // Through /v1/txn: a URL path would rewrite these keys.
    await kv.putMany([
      { key: weird, value: "w" },
      { key: dots, value: "d" },
    ]);
    const p = new KvPage(page);
    await p.openKey(weird);
    await expect(p.viewer).toContainText("w");
    await p.edit();
    await p.replaceText("w2");
    await p.save();
    await p.expectSaved();
    expect(await kv.text(weird)).toBe("w2");
    expect(await kv.text(`${folder}a/b`)).toBeNull();
    await p.openKey(dots);
    await expect(p.viewer).toContainText("d");

    await p.openFolder(folder);
    await p.openCreate();
    await page.getByLabel("New name").fill("new//key");
    await p.button("Create key").click();
    await expect(p.alert).toContainText("contains “//”");
    // Consul's own key validation is shown in Consul's words.
    await page.getByLabel("New name").fill("trailing ");
    await p.button("Create key").click();
    await expect(p.alert).toContainText("invalid key name, leading/trailing spaces are not allowed");
    expect(await kv.keys(folder)).toEqual([dots, weird].sort());
  });

  test("values over the size limit are refused before sending, naming the limit; large values stay responsive", async ({ page, kv, app }) => {
    const folder = `${uniq("big")}/`;
    const p = new KvPage(page);
    await p.openFolder(folder);
    await p.openCreate();
    await page.getByLabel("New name").fill("too-big");
    await page.getByLabel("New value").fill("x".repeat(512 * 1024 + 1));
    await p.button("Create key").click();
    await expect(p.alert).toContainText("Consul accepts at most 512.0 KiB (524288 bytes) per key. Nothing was sent.");
    expect(await kv.raw(`${folder}too-big`)).toBeNull();

    // The server refuses too, for callers that skip the page.
    const res = await fetch(`${app.url}/api/kv`, {
      method: "PUT",
      headers: { origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ key: `${folder}too-big`, value: Buffer.alloc(600_000).toString("base64"), flags: "0", cas: "0" }),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("524288 bytes");

    // A ~500 KiB JSON value opens, pretty-prints, edits and saves.
    const big = JSON.stringify(Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`key_${i}`, `value number ${i} ${"z".repeat(30)}`])));
    expect(big.length).toBeGreaterThan(450_000);
    expect(big.length).toBeLessThan(512 * 1024);
    await kv.put(`${folder}large.json`, big);
    const t0 = Date.now();
    await p.openKey(`${folder}large.json`);
    await expect(p.viewer).toContainText("key_0");
    const openMs = Date.now() - t0;
    await page.getByLabel("Pretty-print").check();
    await expect(p.viewer).toContainText('"key_0": "value number 0');
    await p.edit();
    const t1 = Date.now();
    await p.editor.click();
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.insertText(" ");
    await p.save();
    await p.expectSaved();
    const saveMs = Date.now() - t1;
    expect(await kv.text(`${folder}large.json`)).toBe(` ${big}`);
    console.log(`large value (${big.length} bytes): open ${openMs} ms, edit+save ${saveMs} ms`);
    expect(openMs).toBeLessThan(10_000);
  });
});
