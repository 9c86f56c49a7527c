import { readFile } from "node:fs/promises";
import { KvPage } from "./pages/kv-page";
import { consulCli } from "./support/consul-cli";
import { expect, test, uniq } from "./support/kv-fixtures";

test.describe("KV export and import, against the real consul CLI", () => {
  test("our export equals `consul kv export` byte for byte, and `consul kv import` reads it back", async ({ page, kv }) => {
    const folder = `${uniq("exp")}/`;
    await kv.put(`${folder}app/config.json`, '{"a": "<&>"}');
    await kv.put(`${folder}app/blob`, Buffer.from([0xff, 0x00, 0xfe]));
    await kv.put(`${folder}flags`, "big", { flags: "18446744073709551615" });
    await kv.put(`${folder}empty/`, "");
    await kv.put(`${folder}sp ace/ünï`, "x");
    const p = new KvPage(page);
    await p.openFolder(folder);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Export this folder/ }).click()]);
    const ours = await readFile(await download.path(), "utf8");
    const theirs = await consulCli(kv.url, ["kv", "export", folder]);
    expect(ours).toBe(theirs);

    // The real CLI imports our file into another prefix; every byte and flag arrives.
    const copy = `${uniq("cli-imp")}/`;
    await consulCli(kv.url, ["kv", "import", `-prefix=${copy}`, "-"], ours);
    expect((await kv.raw(`${copy}${folder}app/blob`))?.equals(Buffer.from([0xff, 0x00, 0xfe]))).toBe(true);
    const reExported = await consulCli(kv.url, ["kv", "export", `${copy}${folder}`]);
    expect(reExported).toBe(theirs.split(`"key": "${folder}`).join(`"key": "${copy}${folder}`));
  });

  test("importing a `consul kv export` file: preview, then check-and-set batches; the CLI sees the same tree", async ({ page, kv }) => {
    const src = `${uniq("src")}/`;
    const entries = Array.from({ length: 300 }, (_, i) => ({ key: `${src}k${String(i).padStart(3, "0")}`, value: `v${i}` }));
    await kv.putMany(entries);
    await kv.put(`${src}bin`, Buffer.from([0x80, 0x81]), { flags: "9007199254740993" });
    const file = await consulCli(kv.url, ["kv", "export", src]);

    const dest = `${uniq("dest")}/`;
    await kv.put(`${dest}${src}k000`, "v0"); // unchanged
    await kv.put(`${dest}${src}k001`, "old"); // changed
    const p = new KvPage(page);
    await p.openFolder("");
    await p.openImport();
    await page.getByLabel("Import file").setInputFiles({ name: "export.json", mimeType: "application/json", buffer: Buffer.from(file) });
    await expect(page.getByText("301 entries in the file.")).toBeVisible();
    await page.getByLabel("Import prefix").fill(dest);
    await p.button("Preview import").click();
    await expect(page.getByTestId("import-summary")).toHaveText("299 to create, 1 to change, 1 unchanged.");
    await p.button("Import 300 keys").click();
    await expect(page.getByTestId("import-result")).toHaveText("Wrote 300 keys.");

    const back = await consulCli(kv.url, ["kv", "export", `${dest}${src}`]);
    expect(back).toBe(file.split(`"key": "${src}`).join(`"key": "${dest}${src}`));
  });

  test("an import never overwrites a key changed since the preview", async ({ page, kv }) => {
    const dest = `${uniq("race")}/`;
    await kv.put(`${dest}a`, "before");
    const file = JSON.stringify([
      { key: "a", flags: 0, value: Buffer.from("from file").toString("base64") },
      { key: "b", flags: 0, value: Buffer.from("new").toString("base64") },
    ]);
    const p = new KvPage(page);
    await p.openFolder(dest);
    await p.openImport();
    await page.getByLabel("Import file").setInputFiles({ name: "in.json", mimeType: "application/json", buffer: Buffer.from(file) });
    await expect(page.getByLabel("Import prefix")).toHaveValue(dest);
    await p.button("Preview import").click();
    await expect(page.getByTestId("import-summary")).toHaveText("1 to create, 1 to change, 0 unchanged.");
    await kv.put(`${dest}a`, "changed meanwhile");
    await p.button("Import 2 keys").click();
    await expect(page.getByTestId("import-result")).toContainText("Wrote 0 keys. Stopped: 1 changed since the preview");
    await expect(page.getByRole("list", { name: "Import conflicts" })).toContainText(`${dest}a`);
    expect(await kv.text(`${dest}a`)).toBe("changed meanwhile");
    // The batch is atomic: the new key was not half-written either.
    expect(await kv.text(`${dest}b`)).toBeNull();
  });

  test("a file that is not an export is refused with the reason", async ({ page }) => {
    const p = new KvPage(page);
    await p.openFolder("");
    await p.openImport();
    await page.getByLabel("Import file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from('[{"key":"a","flags":-1,"value":""}]') });
    await expect(p.alert).toContainText("not in `consul kv export` format (entry 0.flags)");
  });
});
