import { expect, type Locator, type Page } from "@playwright/test";
import { kvHref } from "../../lib/kv/key";
import { expectHydrated } from "../support/hydration";

/** The KV browser and editor, as an operator sees it. */
export class KvPage {
  constructor(readonly page: Page) {}

  async openKey(key: string): Promise<void> {
    await this.page.goto(kvHref(key, "key"));
    await expect(this.page.getByTestId("full-key")).toHaveText(key);
    await expectHydrated(this.page.getByTestId("full-key"));
  }

  async openFolder(prefix: string): Promise<void> {
    await this.page.goto(kvHref(prefix, "folder"));
    await expect(this.folderTable).toBeVisible();
    await expectHydrated(this.folderTable);
  }

  get folderTable(): Locator {
    return this.page.getByRole("table", { name: "Folder contents" });
  }

  /** Opens the "New key or folder" dialog of a folder. */
  async openCreate(): Promise<void> {
    await this.button("New key or folder…").click();
    await expect(this.page.getByRole("dialog", { name: /^Create in / })).toBeVisible();
  }

  /** Opens the import dialog of a folder. */
  async openImport(): Promise<void> {
    await this.button("Import…").click();
    await expect(this.page.getByRole("dialog", { name: /^Import/ })).toBeVisible();
  }

  get viewer(): Locator {
    return this.page.getByRole("textbox", { name: "Value", exact: true });
  }

  get editor(): Locator {
    return this.page.getByRole("textbox", { name: "Value editor" });
  }

  /** Our error messages (Next's empty route announcer is an alert too). */
  get alert(): Locator {
    return this.page.getByRole("alert").filter({ hasText: /\S/ });
  }

  get conflict(): Locator {
    return this.page.getByRole("region", { name: "Conflict" });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole("button", { name, exact: typeof name === "string" });
  }

  async edit(): Promise<void> {
    await this.button("Edit").click();
    await expect(this.editor).toBeVisible();
  }

  /** Replaces the editor's whole text, as typing would. */
  async replaceText(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("Delete");
    await this.page.keyboard.insertText(text);
  }

  async save(): Promise<void> {
    await this.button("Save").click();
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByText(/^Saved\. ModifyIndex is now \d+\.$/)).toBeVisible();
  }
}
