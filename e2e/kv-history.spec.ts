import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { postgresMissing, startPostgres } from "../scripts/postgres/harness";
import { KvPage } from "./pages/kv-page";
import { expect, test, uniq } from "./support/kv-fixtures";

/** Writes through a dashboard's API, as its own pages do (same Origin). */
async function api(request: APIRequestContext, base: string, method: "PUT" | "DELETE" | "POST", url: string, data: unknown) {
  return request.fetch(`${base}${url}`, { method, data, headers: { origin: base, "content-type": "application/json" } });
}
const b64 = (s: string) => Buffer.from(s).toString("base64");

async function versions(request: APIRequestContext, base: string, key: string) {
  const res = await request.get(`${base}/api/kv/history?key=${encodeURIComponent(key)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { versions: { value: string; who: string; modifyIndex: string; flags: string; at: string }[] }).versions;
}

test.describe("KV history, deleted keys, the lasting audit", () => {
  test("edit twice → history → diff → restore", async ({ page, kv }) => {
    const key = `${uniq("hist")}/app.conf`;
    await kv.put(key, "v=1\n");
    const p = new KvPage(page);
    await p.openKey(key);
    for (const text of ["v=2\n", "v=3\n"]) {
      await p.edit();
      await p.replaceText(text);
      await p.save();
      await p.expectSaved();
    }
    await p.button("History").click();
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByRole("listitem")).toHaveCount(2);
    const oldest = history.getByRole("listitem").last();
    await oldest.getByRole("button", { name: "Diff with current" }).click();
    await expect(oldest.locator('[data-diff="version"]')).toHaveText(/v=1/);
    await expect(oldest.locator('[data-diff="current"]')).toHaveText(/v=3/);
    await oldest.getByRole("button", { name: "Restore this version" }).click();
    await expect(page.getByText(/^Restored\. ModifyIndex is now \d+\.$/)).toBeVisible();
    await expect.poll(() => kv.text(key)).toBe("v=1\n");
    // The restore kept what it replaced, too.
    await expect(history.getByRole("listitem")).toHaveCount(3);
  });

  test("delete a folder → Recently deleted → restore it", async ({ page, app, kv }) => {
    const folder = `${uniq("gone")}/`;
    await kv.putMany([1, 2, 3].map((i) => ({ key: `${folder}k${i}`, value: `value ${i}` })));
    const res = await api(page.request, app.url, "DELETE", "/api/kv/folder", { prefix: folder, confirm: folder.slice(0, -1) });
    expect(res.status()).toBe(200);
    expect(await kv.text(`${folder}k1`)).toBeNull();
    await page.goto(`/kv`);
    const deleted = page.getByRole("region", { name: "Recently deleted" });
    await expect(deleted).toContainText(`${folder}k2`);
    await deleted.getByRole("button", { name: /^Restore all/ }).click();
    for (const i of [1, 2, 3]) await expect.poll(() => kv.text(`${folder}k${i}`)).toBe(`value ${i}`);
    await expect(deleted.getByText(`${folder}k1`)).toHaveCount(0);
    // The audit page lists the delete and the restores.
    await page.goto(`/kv-audit?prefix=${encodeURIComponent(folder)}`);
    const table = page.getByRole("table", { name: "Audit entries" });
    await expect(table).toContainText("delete-tree");
    await expect(table.getByRole("row").filter({ hasText: "restore" })).toHaveCount(3);
    const jsonl = await (await page.request.get(`/api/audit?format=jsonl&prefix=${encodeURIComponent(folder)}`)).text();
    expect(jsonl.trim().split("\n").map((l) => JSON.parse(l) as { action: string }).map((e) => e.action)).toContain("delete-tree");
  });

  test("an import whose last batch conflicts leaves KV as it was", async ({ page, app, kv }) => {
    const dest = `${uniq("atomic")}/`;
    await kv.putMany([{ key: `${dest}k000`, value: "original" }, { key: `${dest}k199`, value: "original" }]);
    const entries = Array.from({ length: 200 }, (_, i) => ({ key: `k${String(i).padStart(3, "0")}`, flags: "0", value: b64(`imported ${i}`) }));
    const preview = await api(page.request, app.url, "POST", "/api/kv/import/preview", { prefix: dest, entries });
    expect(preview.status()).toBe(200);
    const { rows } = (await preview.json()) as { rows: unknown[] };
    await kv.put(`${dest}k199`, "changed meanwhile");
    const apply = await api(page.request, app.url, "POST", "/api/kv/import/apply", { rows });
    expect(apply.status()).toBe(409);
    const result = (await apply.json()) as { written: number; rolledBack: number; rollbackFailures: unknown[]; conflicts: { key: string }[] };
    expect(result).toMatchObject({ written: 0, rolledBack: 128, rollbackFailures: [] });
    expect(result.conflicts.map((c) => c.key)).toEqual([`${dest}k199`]);
    expect(await kv.text(`${dest}k000`)).toBe("original");
    expect(await kv.text(`${dest}k001`)).toBeNull();
    expect(await kv.text(`${dest}k127`)).toBeNull();
    expect(await kv.text(`${dest}k199`)).toBe("changed meanwhile");
  });

  test("a watched prefix records outside changes, and a restart keeps history and audit", async ({ page, agent, launch, kv }) => {
    test.setTimeout(120_000);
    const prefix = `${uniq("watched")}/`;
    const key = `${prefix}flag`;
    await kv.put(key, "one");
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "dashboard-data-"));
    try {
      const env = { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_WRITES: "anyone", DASHBOARD_DATA_DIR: dataDir, DASHBOARD_KV_HISTORY_PREFIXES: prefix, DASHBOARD_WATCH_WAIT_SECONDS: "5" };
      const first = await launch.app({ env });
      // The watch reads its baseline first; then a change made with Consul's own API.
      await expect.poll(async () => (await page.request.get(`${first.url}/api/readyz`)).status()).toBe(200);
      // The watch's first read of the prefix (its baseline) is the app's first KV request to Consul.
      await expect
        .poll(async () => /consul_dashboard_consul_requests_total\{group="kv",outcome="ok"\} [1-9]/.test(await (await page.request.get(`${first.url}/metrics`)).text()))
        .toBe(true);
      await kv.put(key, "two");
      await expect.poll(async () => (await versions(page.request, first.url, key)).map((v) => `${v.who}:${Buffer.from(v.value, "base64").toString()}`), { timeout: 20_000 }).toEqual([
        "outside the dashboard:one",
      ]);
      const current = await kv.entry(key);
      const res = await api(page.request, first.url, "PUT", "/api/kv", { key, value: b64("three"), flags: "0", cas: String(current?.ModifyIndex) });
      expect(res.status()).toBe(200);
      const p = new KvPage(page);
      await page.goto(`${first.url}/kv?key=${encodeURIComponent(key)}`);
      await p.button("History").click();
      await expect(page.getByRole("region", { name: "History" })).toContainText("replaced by outside the dashboard");
      await first.stop();

      const second = await launch.app({ env });
      const after = await versions(page.request, second.url, key);
      expect(after.map((v) => Buffer.from(v.value, "base64").toString())).toEqual(["two", "one"]);
      const audit = (await (await page.request.get(`${second.url}/api/audit?prefix=${encodeURIComponent(prefix)}`)).json()) as { entries: { action: string; outcome: string }[] };
      expect(audit.entries).toEqual([expect.objectContaining({ action: "update", outcome: "saved" })]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("two replicas on one PostgreSQL see each other's versions and audit", async ({ page, agent, launch, kv }) => {
    test.skip(postgresMissing() !== null, postgresMissing() ?? "");
    test.setTimeout(120_000);
    const pg = await startPostgres();
    try {
      const env = { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_WRITES: "anyone", DASHBOARD_DATABASE_URL: pg.url };
      const [a, b] = await Promise.all([launch.app({ env }), launch.app({ env })]);
      const key = `${uniq("replica")}/k`;
      await kv.put(key, "from seed");
      const current = await kv.entry(key);
      expect((await api(page.request, a.url, "PUT", "/api/kv", { key, value: b64("from replica a"), flags: "7", cas: String(current?.ModifyIndex) })).status()).toBe(200);
      const seen = await versions(page.request, b.url, key);
      expect(seen.map((v) => Buffer.from(v.value, "base64").toString())).toEqual(["from seed"]);
      const audit = (await (await page.request.get(`${b.url}/api/audit?prefix=${encodeURIComponent(key)}`)).json()) as { entries: { key: string; newIndex: string }[] };
      expect(audit.entries).toHaveLength(1);
      expect(audit.entries[0]?.newIndex).toBe(String((await kv.entry(key))?.ModifyIndex));
      await a.stop();
      await b.stop();
    } finally {
      await pg.stop();
    }
  });
});
