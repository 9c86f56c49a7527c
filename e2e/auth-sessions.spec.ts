import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page, Response } from "@playwright/test";
import type { AppServer } from "../scripts/app/app-server";
import { SeedApi } from "../scripts/consul/seed-api";
import { KvPage } from "./pages/kv-page";
import { expect, test } from "./support/fixtures";

/**
 * Who may write and read, and operator sessions, against a real agent with ACLs on
 * and a management token as the server's token (the worst case: the dashboard must
 * still never write with it for an anonymous visitor).
 */

const ROOT = "root-secret";
const ACL_HCL = `acl { enabled = true default_policy = "deny" tokens { initial_management = "${ROOT}" } }`;
const COOKIE = "consul_dashboard_session";

type Launch = Parameters<Parameters<typeof test>[2]>[0]["launch"];

interface Estate {
  app: AppServer;
  root: SeedApi;
  consulUrl: string;
  stopAgent(): Promise<void>;
  writer: { SecretID: string; AccessorID: string };
  reader: { SecretID: string; AccessorID: string };
}

async function aclEstate(launch: Launch, env: Record<string, string> = {}): Promise<Estate> {
  const agent = await launch.agent({ hcl: ACL_HCL });
  const root = new SeedApi(agent.url, ROOT);
  await root.createAclPolicy("kv-write", 'key_prefix "" { policy = "write" }');
  await root.createAclPolicy("read-all", 'key_prefix "" { policy = "read" } service_prefix "" { policy = "read" } node_prefix "" { policy = "read" }');
  await root.createAclPolicy("team-read", 'key_prefix "team/" { policy = "read" } service_prefix "" { policy = "read" } node_prefix "" { policy = "read" }');
  const writer = await root.createAclToken("writer operator", ["kv-write", "read-all"]);
  const reader = await root.createAclToken("team reader", ["team-read"]);
  await root.kv.put("team/a", "one");
  await root.kv.put("team/b", "two");
  await root.kv.put("secret/x", "hidden");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "dash-auth-"));
  const app = await launch.app({ env: { CONSUL_HTTP_ADDR: agent.url, CONSUL_HTTP_TOKEN: ROOT, DASHBOARD_DATA_DIR: dataDir, ...env } });
  return { app, root, consulUrl: agent.url, stopAgent: () => agent.stop(), writer, reader };
}

/** A same-origin API call, as the dashboard's own pages make it, with an optional session cookie. */
async function api(app: AppServer, method: string, p: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${app.url}${p}`, {
    method,
    headers: { origin: app.url, "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), setCookie: res.headers.get("set-cookie") };
}

/** Signs in through the API and returns the cookie header to send. */
async function signIn(app: AppServer, token: string, keepSignedIn = false): Promise<string> {
  const res = await api(app, "POST", "/api/auth/sign-in", { token, keepSignedIn });
  expect(res.status, res.text).toBe(200);
  const m = new RegExp(`${COOKIE}=([^;]+)`).exec(res.setCookie ?? "");
  expect(m).not.toBeNull();
  return `${COOKIE}=${m?.[1]}`;
}

async function signInPage(page: Page, app: AppServer, token: string, next = "/kv"): Promise<void> {
  await page.goto(`${app.url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Consul token").fill(token);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?/]/g, "\\$&")}$`));
}

/** Every form a secret could take on the wire. */
function leakForms(secret: string): string[] {
  const b = Buffer.from(secret);
  return [secret, b.toString("base64").replace(/=+$/, ""), b.toString("base64url"), b.toString("hex"), encodeURIComponent(secret), secret.replaceAll("-", "")];
}

const index = async (root: SeedApi, key: string) => String((await root.kv.entry(key))?.ModifyIndex);

test.describe("who may write and read; operator sessions", () => {
  test.describe.configure({ timeout: 180_000 });

  test("an anonymous visitor cannot write and is told why; a signed-in operator can; bad input gets the right status", async ({ page, launch }) => {
    const e = await aclEstate(launch);
    const { app, root } = e;
    const p = new KvPage(page);

    // The server's token is a management token: the log says it should not be.
    await expect.poll(() => app.output()).toContain("the server's token (CONSUL_HTTP_TOKEN) can write KV");

    await page.goto(`${app.url}/kv/team/a`);
    await expect(p.viewer).toContainText("one");
    await expect(page.getByRole("link", { name: "Sign in to edit" })).toBeVisible();
    await expect(p.button("Edit")).toHaveCount(0);
    await expect(p.button("Delete…")).toHaveCount(0);
    await page.goto(`${app.url}/kv/team?view=folder`);
    await expect(p.folderTable).toBeVisible();
    await expect(p.button("Create key")).toHaveCount(0);

    const i = await index(root, "team/a");
    const calls: [string, string, unknown][] = [
      ["PUT", "/api/kv", { key: "team/a", value: "eA==", flags: "0", cas: i }],
      ["PUT", "/api/kv", { key: "team/new", value: "eA==", flags: "0", cas: "0" }],
      ["DELETE", "/api/kv", { key: "team/a", cas: i }],
      ["DELETE", "/api/kv/folder", { prefix: "team/", confirm: "team" }],
      ["POST", "/api/kv/import/apply", { rows: [{ key: "team/a", action: "change", value: "eA==", flags: "0", expectIndex: i, size: 1 }] }],
    ];
    for (const [method, route, body] of calls) {
      const res = await api(app, method, route, body);
      expect(res.status, `${method} ${route}`).toBe(401);
      expect(res.text).toContain("Sign in to edit");
    }
    expect(await root.kv.text("team/a")).toBe("one");
    expect(await root.kv.text("team/new")).toBeNull();
    expect(await root.kv.keys("team/")).toEqual(["team/a", "team/b"]);
    expect(app.output()).not.toContain('"event":"kv_write"');

    // "Sign in to edit" leads to sign-in and back; then the operator edits under their own token.
    await page.goto(`${app.url}/kv/team/a`);
    await page.getByRole("link", { name: "Sign in to edit" }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel("Consul token").fill(e.writer.SecretID);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/kv\/team\/a$/);
    await expect(page.getByTestId("operator")).toContainText(e.writer.AccessorID);
    await p.edit();
    await p.replaceText("two by writer");
    await p.save();
    await expect.poll(() => root.kv.text("team/a")).toBe("two by writer");
    await expect
      .poll(() => app.output())
      .toContain(`"who":"${e.writer.AccessorID}","action":"update","key":"team/a"`);
    expect(app.output()).toContain('"description":"writer operator"');

    // Bad input, as the server sees it whatever the browser claims.
    const w = await signIn(app, e.writer.SecretID);
    const apply = (row: Record<string, unknown>) =>
      api(app, "POST", "/api/kv/import/apply", { rows: [{ key: "team/z", action: "create", value: "eA==", flags: "0", expectIndex: "0", size: 1, ...row }] }, w);
    for (const key of ["team//z", "..", "/team/z"]) {
      const res = await apply({ key, action: "change" });
      expect(res.status, key).toBe(400);
      expect(res.text).toContain("Row 1");
    }
    const flags = await apply({ flags: "abc" });
    expect([flags.status, flags.text.includes("Row 1 (“team/z”): flags")]).toEqual([400, true]);
    const idx = await apply({ expectIndex: "18446744073709551616" });
    expect([idx.status, idx.text.includes("expectIndex")]).toEqual([400, true]);
    const big = await apply({ value: Buffer.alloc(600 * 1024).toString("base64"), size: 1 });
    expect(big.status).toBe(413);
    const control = await api(app, "PUT", "/api/kv", { key: "team/a\nb", value: "eA==", flags: "0", cas: "0" }, w);
    expect([control.status, control.text.includes("U+000A")]).toEqual([400, true]);
    const slash = await api(app, "DELETE", "/api/kv/folder", { prefix: "/", confirm: "" }, w);
    expect(slash.status).toBe(400);
    const everything = await api(app, "DELETE", "/api/kv/folder", { prefix: "", confirm: "" }, w);
    expect([everything.status, everything.text.includes("delete everything")]).toEqual([400, true]);
    const missing = await api(app, "DELETE", "/api/kv", { key: "team/never", cas: "5" }, w);
    expect(missing.status).toBe(404);
    expect(app.output()).not.toContain('"key":"team/never"');
    const huge = await api(app, "PUT", "/api/kv", JSON.stringify({ key: "team/h", value: "A".repeat(1024 * 1024), flags: "0", cas: "0" }), w);
    expect(huge.status).toBe(413);
    expect(await root.kv.keys("team/")).toEqual(["team/a", "team/b"]);

    // Denied by Consul: 403 with Consul's words, for every write route.
    const r = await signIn(app, e.reader.SecretID);
    const ib = await index(root, "team/b");
    const denied: [string, string, unknown][] = [
      ["PUT", "/api/kv", { key: "team/b", value: "eA==", flags: "0", cas: ib }],
      ["DELETE", "/api/kv", { key: "team/b", cas: ib }],
      ["DELETE", "/api/kv/folder", { prefix: "team/", confirm: "team" }],
      ["POST", "/api/kv/import/apply", { rows: [{ key: "team/b", action: "change", value: "eA==", flags: "0", expectIndex: ib, size: 1 }] }],
    ];
    for (const [method, route, body] of denied) {
      const res = await api(app, method, route, body, r);
      expect(res.status, `${method} ${route}`).toBe(403);
      expect(res.text).toContain("Permission denied");
    }
    expect(await root.kv.text("team/b")).toBe("two");

    // Consul down: 503.
    await e.stopAgent();
    const down = await api(app, "GET", "/api/kv?key=team/a", undefined, w);
    expect(down.status).toBe(503);
  });

  test("no byte the browser receives holds the token; sign-out ends the session; a token deleted in Consul signs the operator out", async ({ page, launch }) => {
    const e = await aclEstate(launch);
    const { app, writer } = e;
    const bodies: Promise<string>[] = [];
    const seen: string[] = [];
    const collect = (res: Response) => {
      seen.push(res.url());
      // Event streams never end: read what arrived within a moment.
      bodies.push(
        Promise.race([
          res.body().then((b) => `${res.url()}\n${JSON.stringify(res.headers())}\n${b.toString("latin1")}`),
          new Promise<string>((resolve) => setTimeout(() => resolve(`${res.url()}\n${JSON.stringify(res.headers())}`), 3_000)),
        ]).catch(() => JSON.stringify(res.headers())),
      );
    };
    page.on("response", collect);
    await signInPage(page, app, writer.SecretID, "/kv/team/a");
    const p = new KvPage(page);
    await expect(p.viewer).toContainText("one");
    for (const to of ["/", "/kv", "/kv/team?view=folder", "/sign-in", "/wall", "/services/consul"]) {
      await page.goto(`${app.url}${to}`);
      await expect(page.locator("body")).not.toBeEmpty();
    }
    await page.goto(`${app.url}/kv/team/a`);
    await expect(p.viewer).toContainText("one");
    page.off("response", collect);

    // The live stream, read with the session cookie for a few seconds.
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === COOKIE);
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    const cookie = `${COOKIE}=${session?.value}`;
    const ctl = new AbortController();
    const sse = await fetch(`${app.url}/api/events`, { headers: { cookie }, signal: ctl.signal });
    let streamed = "";
    const reader = sse.body?.getReader();
    const until = Date.now() + 3_000;
    while (reader && Date.now() < until) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), until - Date.now()))]);
      if (!chunk || chunk.done) break;
      streamed += Buffer.from(chunk.value).toString("latin1");
    }
    ctl.abort();

    const everything = [...(await Promise.all(bodies)), streamed, JSON.stringify(cookies), await page.evaluate(() => document.cookie)].join("\n");
    expect(seen.length).toBeGreaterThan(10);
    expect(everything).toContain(writer.AccessorID); // the page does name the operator…
    for (const form of leakForms(writer.SecretID)) expect(everything.includes(form), `the token as ${form}`).toBe(false); // …never the secret

    // Sign-out ends the session: a copy of the cookie no longer works.
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText(/Signed in as token/)).toHaveCount(0);
    const replay = await api(app, "GET", "/api/kv?key=team/a", undefined, cookie);
    expect(replay.status).toBe(401);
    expect(replay.text).toContain("session_ended");

    // A token deleted in Consul: the next page says so and the session is gone.
    await signInPage(page, app, writer.SecretID, "/kv/team/a");
    const gone = await fetch(`${e.consulUrl}/v1/acl/token/${writer.AccessorID}`, { method: "DELETE", headers: { "x-consul-token": ROOT } });
    expect(gone.status).toBe(200);
    // The page's own API calls may notice first (then the session is on the revocation list: "ended"),
    // and their redirect to sign-in can cut this navigation short: that is the outcome checked below.
    await page.goto(`${app.url}/kv/team/a`).catch((err: unknown) => {
      if (!String(err).includes("net::ERR_ABORTED")) throw err;
    });
    await expect(page).toHaveURL(/\/sign-in\?ended=(token_gone|ended)&/);
    await expect(page.getByText(/Consul no longer accepts your token/)).toBeVisible();
    expect((await page.context().cookies()).find((c) => c.name === COOKIE)).toBeUndefined();
  });

  test("sessions expire, and the operator is told", async ({ page, launch }) => {
    // 0.0015 h = about 5 s.
    const e = await aclEstate(launch, { DASHBOARD_SESSION_HOURS: "0.0015" });
    const { app } = e;
    const cookie = await signIn(app, e.writer.SecretID);
    expect((await api(app, "GET", "/api/kv?key=team/a", undefined, cookie)).status).toBe(200);
    await expect
      .poll(async () => (await api(app, "GET", "/api/kv?key=team/a", undefined, cookie)).text, { timeout: 20_000, intervals: [500] })
      .toContain("Your session expired");

    await signInPage(page, app, e.writer.SecretID, "/kv/team/a");
    await expect(page.getByTestId("operator")).toContainText(e.writer.AccessorID);
    // Leave the page (its own API calls would be told first, and clear the cookie), wait out the session, come back.
    await page.goto("about:blank");
    const browserCookie = `${COOKIE}=${(await page.context().cookies()).find((c) => c.name === COOKIE)?.value}`;
    await expect
      .poll(async () => (await api(app, "GET", "/api/kv?key=team/a", undefined, browserCookie)).status, { timeout: 20_000, intervals: [500] })
      .toBe(401);
    await page.goto(`${app.url}/kv/team/a`);
    await expect(page).toHaveURL(/\/sign-in\?ended=expired&next=%2Fkv%2Fteam%2Fa$/);
    await expect(page.getByText("Your session expired")).toBeVisible();
  });

  test("DASHBOARD_READS=signed-in: pages send visitors to sign in, APIs answer 401; the wall signs in once and stays", async ({ page, launch }) => {
    const e = await aclEstate(launch, { DASHBOARD_READS: "signed-in" });
    const { app } = e;
    for (const to of ["/", "/kv/team/a", "/wall?dc=dc1", "/services/consul"]) {
      await page.goto(`${app.url}${to}`);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(to).replace(/[.?*]/g, "\\$&")}$`));
    }
    for (const route of ["/api/services", "/api/kv?key=team/a", "/api/kv/list?prefix=", "/api/events", "/api/datacenters"]) {
      const res = await fetch(`${app.url}${route}`);
      expect(res.status, route).toBe(401);
      expect(await res.text()).toContain("sign_in_required");
    }
    expect((await fetch(`${app.url}/api/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/sign-in`)).status).toBe(200);

    // KV reads use the operator's token: Consul decides what they see.
    const r = await signIn(app, e.reader.SecretID);
    expect((await api(app, "GET", "/api/kv?key=team/a", undefined, r)).status).toBe(200);
    const hidden = await api(app, "GET", "/api/kv?key=secret/x", undefined, r);
    expect(hidden.status).toBe(403);
    expect(hidden.text).toContain("Permission denied");

    // The wall display: "keep me signed in" gives the long session.
    await page.goto(`${app.url}/wall`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fwall$/);
    await page.getByLabel("Consul token").fill(e.reader.SecretID);
    await page.getByLabel(/Keep me signed in on this display/).check();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/wall$/);
    const session = (await page.context().cookies()).find((c) => c.name === COOKIE);
    expect(session?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);
    await page.reload();
    await expect(page).toHaveURL(/\/wall$/);
  });

  test("DASHBOARD_WRITES=off hides controls and refuses writes, even for a signed-in operator", async ({ page, launch }) => {
    const e = await aclEstate(launch, { DASHBOARD_WRITES: "off" });
    const { app } = e;
    await signInPage(page, app, e.writer.SecretID, "/kv/team/a");
    const p = new KvPage(page);
    await expect(p.viewer).toContainText("one");
    await expect(page.getByText("Read-only mode: editing is disabled")).toBeVisible();
    await expect(p.button("Edit")).toHaveCount(0);
    const w = await signIn(app, e.writer.SecretID);
    const res = await api(app, "PUT", "/api/kv", { key: "team/a", value: "eA==", flags: "0", cas: await index(e.root, "team/a") }, w);
    expect(res.status).toBe(403);
    expect(res.text).toContain("DASHBOARD_WRITES=off");
    expect(await e.root.kv.text("team/a")).toBe("one");
    const access = await api(app, "GET", "/api/kv/access?key=team/a", undefined, w);
    expect(JSON.parse(access.text)).toMatchObject({ canWrite: false, reason: "read_only" });
  });
});
