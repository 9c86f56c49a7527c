import { startAppServer } from "../scripts/app/app-server";
import { startDevAgent } from "../scripts/consul/dev-agent";
import { SeedApi } from "../scripts/consul/seed-api";
import { KvPage } from "./pages/kv-page";
import { expect, test, uniq } from "./support/kv-fixtures";
import { holdScripts } from "./support/hydration";

const json = (origin: string) => ({ origin, "content-type": "application/json" });

test.describe("KV access: read-only mode, same-origin writes, ACL tokens, audit", () => {
  test("read-only mode hides edit controls and refuses writes even when the API is called directly", async ({ page, agent, kv }) => {
    test.setTimeout(120_000);
    const key = `${uniq("ro")}/k`;
    await kv.put(key, "keep me");
    const ro = await startAppServer({ env: { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_READ_ONLY: "true" } });
    try {
      const p = new KvPage(page);
      await page.goto(`${ro.url}/kv/${key}`);
      await expect(page.getByTestId("full-key")).toHaveText(key);
      await expect(page.getByText("Read-only mode: editing is disabled")).toBeVisible();
      await expect(p.viewer).toContainText("keep me");
      await expect(p.button("Edit")).toHaveCount(0);
      await expect(p.button("Delete…")).toHaveCount(0);
      await page.goto(`${ro.url}/kv/${key.split("/")[0]}?view=folder`);
      await expect(p.folderTable).toBeVisible();
      await expect(p.button("Create key")).toHaveCount(0);

      const entry = await kv.entry(key);
      const index = String(entry?.ModifyIndex);
      const calls: [string, string, unknown][] = [
        ["PUT", "/api/kv", { key, value: Buffer.from("x").toString("base64"), flags: "0", cas: index }],
        ["DELETE", "/api/kv", { key, cas: index }],
        ["DELETE", "/api/kv/folder", { prefix: key.split("/")[0] + "/", confirm: key.split("/")[0] }],
        ["POST", "/api/kv/import/apply", { rows: [{ key, action: "change", value: "eA==", flags: "0", expectIndex: index, size: 1 }] }],
      ];
      for (const [method, path, body] of calls) {
        const res = await fetch(`${ro.url}${path}`, { method, headers: json(ro.url), body: JSON.stringify(body) });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(await res.text()).toContain("read-only (DASHBOARD_READ_ONLY=true)");
      }
      expect(await kv.text(key)).toBe("keep me");
    } finally {
      await ro.stop();
    }
  });

  test("writes from another origin are refused", async ({ app, kv }) => {
    const key = `${uniq("xo")}/k`;
    const body = JSON.stringify({ key, value: "eA==", flags: "0", cas: "0" });
    const cross = await fetch(`${app.url}/api/kv`, { method: "PUT", headers: json("http://evil.example"), body });
    expect(cross.status).toBe(403);
    expect(await cross.text()).toContain("only from the dashboard's own pages");
    const site = await fetch(`${app.url}/api/kv`, { method: "PUT", headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" }, body });
    expect(site.status).toBe(403);
    const none = await fetch(`${app.url}/api/kv`, { method: "PUT", headers: { "content-type": "application/json" }, body });
    expect(none.status).toBe(403);
    expect(await kv.text(key)).toBeNull();
    const same = await fetch(`${app.url}/api/kv`, { method: "PUT", headers: json(app.url), body });
    expect(same.status).toBe(200);
    expect(await kv.text(key)).toBe("x");
  });

  test("with ACLs on: sign-in checks the token, a read-only token sees no edit controls and gets a clear 403, writes are audited by accessor", async ({ page }) => {
    test.setTimeout(180_000);
    const aclAgent = await startDevAgent({ hcl: 'acl { enabled = true default_policy = "deny" tokens { initial_management = "root-secret" } }' });
    const root = new SeedApi(aclAgent.url, "root-secret");
    const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: aclAgent.url, CONSUL_HTTP_TOKEN: "root-secret" } });
    try {
      await root.createAclPolicy("kv-read", 'key_prefix "" { policy = "read" }');
      await root.createAclPolicy("kv-write", 'key_prefix "" { policy = "write" }');
      const reader = await root.createAclToken("read-only operator", ["kv-read"]);
      const writer = await root.createAclToken("writer operator", ["kv-write"]);
      const key = "team/feature.json";
      await root.kv.put(key, '{"on": true}');
      const p = new KvPage(page);
      const base = app.url;

      // An unknown token is refused in Consul's words. It is typed before the page's scripts have
      // run (held back here, as on a slow phone): what was typed is kept and is what gets sent.
      const release = await holdScripts(page);
      await page.goto(`${base}/sign-in`, { waitUntil: "commit" });
      await page.getByLabel("Consul token").fill("00000000-0000-0000-0000-000000000000");
      release();
      await p.button("Sign in").click();
      await expect(p.alert).toContainText("ACL not found");
      await page.unrouteAll();

      await page.getByLabel("Consul token").fill(reader.SecretID);
      await p.button("Sign in").click();
      await expect(page.getByTestId("operator")).toContainText(reader.AccessorID);
      // The cookie is a sealed session: the token is not in it.
      const cookie = (await page.context().cookies()).find((c) => c.name === "consul_dashboard_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
      expect(cookie?.value).not.toContain(reader.SecretID);
      expect(await page.evaluate(() => document.cookie)).not.toContain(reader.SecretID);

      // Consul says the reader may not write: no Edit, and the API answers Consul's 403.
      await page.goto(`${base}/kv/${key}`);
      await expect(p.viewer).toContainText('"on": true');
      await expect(page.getByText(/may not write “team\/feature.json”/)).toBeVisible();
      await expect(p.button("Edit")).toHaveCount(0);
      const denied = await page.request.put(`${base}/api/kv`, {
        headers: { origin: base },
        data: { key, value: Buffer.from('{"on": false}').toString("base64"), flags: "0", cas: String((await root.kv.entry(key))?.ModifyIndex) },
      });
      expect(denied.status()).toBe(403);
      expect(await denied.text()).toContain("Permission denied");
      expect(await denied.text()).toContain("key:write");
      expect(await root.kv.text(key)).toBe('{"on": true}');

      // The writer's save goes through under its own token and is audited with its accessor.
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("Consul token").fill(writer.SecretID);
      await p.button("Sign in").click();
      await expect(page.getByTestId("operator")).toContainText(writer.AccessorID);
      await page.goto(`${base}/kv/${key}`);
      await page.getByRole("switch", { name: "on" }).click();
      await expect(page.getByRole("switch", { name: "on" })).toHaveAttribute("aria-checked", "false");
      expect(await root.kv.text(key)).toBe('{"on":false}');
      const recent = page.getByRole("table", { name: "Recent changes" });
      await expect(recent.getByRole("row").filter({ hasText: key }).first()).toContainText(writer.AccessorID);
      await expect.poll(() => app.output()).toContain(`"who":"${writer.AccessorID}","action":"update","key":"${key}"`);

      // Without a signed-in token, the server's token only reads (DASHBOARD_WRITES=signed-in, the default).
      await page.goto(`${base}/sign-in`);
      await p.button("Sign out").click();
      await expect(page.getByText(/Signed in as token/)).toHaveCount(0);
      await page.goto(`${base}/kv/${key}`);
      await expect(page.getByTestId("operator")).toContainText("Using the server's token");
      await expect(page.getByRole("link", { name: "Sign in to edit" })).toBeVisible();
      await expect(page.getByRole("switch", { name: "on" })).toBeDisabled();
      expect(app.output()).not.toContain(`"who":"server token"`);
    } finally {
      await app.stop();
      await aclAgent.stop();
    }
  });
});
