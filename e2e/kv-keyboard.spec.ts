import type { Locator, Page } from "@playwright/test";
import { KvPage } from "./pages/kv-page";
import { pressUntilFocused } from "./support/hydration";
import { expect, test, uniq } from "./support/kv-fixtures";

/** Presses Tab until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test.describe("keyboard only", () => {
  test("edit a key, save, get a conflict, resolve it, save: all from the keyboard", async ({ page, kv }) => {
    const key = `${uniq("kbd")}/app.conf`;
    await kv.put(key, "a=1\nb=2\n");
    const p = new KvPage(page);
    await p.openKey(key);

    await tabTo(page, p.button("Edit"));
    await page.keyboard.press("Enter");
    await expect(p.editor).toBeVisible();
    await tabTo(page, p.editor);
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("mine=1\n");

    // Another writer changes the key in between.
    await kv.put(key, "a=1\nb=2\ntheirs=1\n");

    await page.keyboard.press("Escape"); // leave the editor's Tab trap, as CodeMirror documents
    await tabTo(page, p.button("Save"));
    await page.keyboard.press("Enter");
    await expect(p.conflict).toContainText("Nothing was written");

    await tabTo(page, p.button("Re-apply my edit on theirs"));
    await page.keyboard.press("Enter");
    await expect(page.getByText("Your edit was re-applied on top of their value")).toBeVisible();
    await tabTo(page, p.button("Save"));
    await page.keyboard.press("Enter");
    await p.expectSaved();
    // Both edits survive: theirs and mine.
    await expect.poll(() => kv.text(key)).toMatch(/^a=1\nb=2\n(theirs=1\nmine=1|mine=1\ntheirs=1)\n$/);
  });

  test("the command palette opens with Ctrl-K and jumps to a key prefix; / focuses the search", async ({ page, kv }) => {
    const folder = `${uniq("pal")}/`;
    await kv.put(`${folder}deep/x`, "1");
    await page.goto("/kv");
    await expect(page.getByRole("table", { name: "Folder contents" })).toBeVisible();
    // The table can show before the header (where "/" is heard) has hydrated.
    const search = page.getByRole("searchbox", { name: "Search keys" });
    await pressUntilFocused(page, "/", search);
    await expect(search).toHaveValue("");
    await page.keyboard.press("Escape");
    await page.locator("body").press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Jump to" });
    await expect(dialog).toBeVisible();
    await page.keyboard.type(`${folder}deep`);
    await expect(dialog.getByRole("option", { name: `${folder}deep/` })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${folder}deep/`);
  });

  test("Create opens a dialog from the keyboard; Escape closes it and focus returns", async ({ page }) => {
    const p = new KvPage(page);
    await p.openFolder(`${uniq("dlg")}/`);
    const trigger = p.button("New key or folder…");
    await tabTo(page, trigger);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toBeVisible();
    await expect(page.getByLabel("New name")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(trigger).toBeFocused();
  });
});
