import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse, Page } from "@playwright/test";
import { KvPage } from "./pages/kv-page";
import { WallPage } from "./pages/wall-page";
import { expect, test, uniq } from "./support/kv-fixtures";

/** What every response carries, whatever it is (page, API, static file, 404). */
function expectHardened(res: APIResponse, what: string): void {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, `${what}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(csp, `${what}: CSP`).not.toContain("unsafe-eval");
  for (const d of ["style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(csp, `${what}: CSP ${d}`).toContain(d);
  }
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("no-referrer");
  expect(h["cross-origin-opener-policy"], what).toBe("same-origin");
  expect(h["permissions-policy"], what).toContain("camera=()");
  expect(h["x-request-id"], what).toMatch(/^[\w.:-]+$/);
}

/** A page on another origin (127.0.0.2, another port) that frames a dashboard path. */
async function framingSite(): Promise<{ origin: string; frame(url: string): string; close(): Promise<void> }> {
  let target = "";
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>status page</title><h1>Status page</h1><iframe title="embedded" src="${target}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.2", r));
  const origin = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    frame: (url) => {
      target = url;
      return `${origin}/`;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Whether the embedded dashboard page rendered inside the framing page (a refused frame stays an error page). */
async function frameRendered(page: Page, path: string, selector: string): Promise<boolean> {
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(path));
  if (!frame) return false;
  return (await frame.locator(selector).count().catch(() => 0)) > 0;
}

/** A raw request with a Host header of our choosing (fetch would refuse to set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

test.describe("hardened HTTP", () => {
  test("every page, API answer and static file carries the security headers", async ({ request, app, kv }) => {
    const key = `${uniq("hdr")}/some/key`;
    await kv.put(key, "v");
    for (const path of ["/", "/services/x", "/wall", "/kv", `/kv/${key}`, "/sign-in", "/no-such-page"]) {
      const res = await request.get(`${app.url}${path}`);
      expect(res.headers()["content-type"], path).toContain("text/html");
      expectHardened(res, path);
    }
    const html = await (await request.get(`${app.url}/`)).text();
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonce, "Next's scripts carry the nonce").toBeTruthy();
    // Every inline script carries the nonce of this response's CSP.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(inline.length).toBeGreaterThan(0);
    for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeTruthy();
    for (const path of ["/api/healthz", "/api/services", "/api/version", "/api/readyz", "/metrics", chunk!]) {
      expectHardened(await request.get(`${app.url}${path}`), path);
    }
    // A fresh nonce per response; the request id echoes the caller's.
    const a = (await request.get(`${app.url}/`)).headers()["content-security-policy"];
    const b = (await request.get(`${app.url}/`)).headers()["content-security-policy"];
    expect(a).not.toBe(b);
    const echoed = await request.get(`${app.url}/api/healthz`, { headers: { "x-request-id": "trace-42" } });
    expect(echoed.headers()["x-request-id"]).toBe("trace-42");
  });

  test("no CSP violation while using the overview, a chart, the KV editor and the wall", async ({ page, kv, cspGuard }) => {
    const key = `${uniq("csp")}/settings.json`;
    await kv.put(key, '{"feature": true, "limit": 3}');
    await page.goto("/");
    await expect(page.getByRole("table", { name: "Services" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Health history" })).toBeVisible();

    const kvPage = new KvPage(page);
    await kvPage.openKey(key);
    await expect(kvPage.viewer).toBeVisible();
    await kvPage.edit();
    await kvPage.replaceText('{"feature": false, "limit": 4}');
    await kvPage.save();
    await kvPage.expectSaved();

    const wall = new WallPage(page);
    await wall.goto();
    await wall.expectLive();
    expect(cspGuard.violations).toEqual([]);

    // The listener works: an image from elsewhere is a violation it sees.
    cspGuard.allow(/img-src|evil\.example/);
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "http://evil.example/pixel.png";
      document.body.append(img);
    });
    await expect.poll(() => cspGuard.violations.join("\n")).toContain("img-src");
  });

  test("another origin cannot frame the dashboard", async ({ page, app, cspGuard }) => {
    cspGuard.allow(/frame-ancestors|Refused to frame/);
    const site = await framingSite();
    try {
      await page.goto(site.frame(`${app.url}/kv`));
      await expect(page.getByRole("heading", { name: "Status page" })).toBeVisible();
      await expect.poll(() => cspGuard.violations.join("\n")).toMatch(/Refused to frame|frame-ancestors/);
      expect(await frameRendered(page, "/kv", "nav[aria-label=Main]")).toBe(false);
    } finally {
      await site.close();
    }
  });

  test("DASHBOARD_FRAME_ANCESTORS lets that origin frame /wall, and nothing else", async ({ page, agent, launch, request, cspGuard }) => {
    cspGuard.allow(/frame-ancestors|Refused to frame/);
    const site = await framingSite();
    try {
      const app = await launch.app({ env: { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_FRAME_ANCESTORS: site.origin } });
      const wallRes = await request.get(`${app.url}/wall`);
      expect(wallRes.headers()["content-security-policy"]).toContain(`frame-ancestors ${site.origin}`);
      expect(wallRes.headers()["x-frame-options"]).toBeUndefined();
      expectHardened(await request.get(`${app.url}/kv`), "/kv with framing allowed for /wall");

      await page.goto(site.frame(`${app.url}/wall`));
      await expect.poll(() => frameRendered(page, "/wall", "[data-testid=wall]"), { timeout: 20_000 }).toBe(true);
      expect(cspGuard.violations).toEqual([]);

      await page.goto(site.frame(`${app.url}/kv`));
      await expect.poll(() => cspGuard.violations.join("\n")).toMatch(/Refused to frame|frame-ancestors/);
      expect(await frameRendered(page, "/kv", "nav[aria-label=Main]")).toBe(false);
    } finally {
      await site.close();
    }
  });

  test("a request for another host name (DNS rebinding) is refused", async ({ app }) => {
    for (const path of ["/", "/api/services", "/api/kv?key=a"]) {
      const res = await getWithHost(`${app.url}${path}`, "evil.example");
      expect(res.status, path).toBe(421);
      expect(res.body).toContain('"evil.example"');
      expect(res.body).toContain("DASHBOARD_ALLOWED_HOSTS");
    }
    const port = new URL(app.url).port;
    expect((await getWithHost(`${app.url}/api/healthz`, `evil.example:${port}`)).status).toBe(421);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await getWithHost(`${app.url}/api/healthz`, host)).status, host).toBe(200);
    }
  });

  test("DASHBOARD_ALLOWED_HOSTS names the hosts the dashboard answers", async ({ agent, launch }) => {
    const app = await launch.app({ env: { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_ALLOWED_HOSTS: "dash.example.com,127.0.0.1" } });
    expect((await getWithHost(`${app.url}/api/healthz`, "dash.example.com")).status).toBe(200);
    expect((await getWithHost(`${app.url}/api/healthz`, "localhost")).status).toBe(421);
  });
});

test.describe("observability", () => {
  test("/metrics answers Prometheus text with the dashboard's metrics", async ({ request, app, page }) => {
    await page.goto("/"); // one SSE stream and some Consul requests to count
    await expect(page.getByRole("table", { name: "Services" })).toBeVisible();
    const scrape = async () => (await request.get(`${app.url}/metrics`)).text();
    // The page's live stream is open once the page says Live.
    await expect.poll(scrape, { timeout: 20_000 }).toMatch(/consul_dashboard_sse_streams [1-9]/);
    const res = await request.get(`${app.url}/metrics`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const name of [
      "consul_dashboard_consul_requests_total",
      "consul_dashboard_consul_request_duration_seconds_bucket",
      "consul_dashboard_watch_round_age_seconds",
      "consul_dashboard_watch_errors_total",
      "consul_dashboard_sse_streams",
      "consul_dashboard_service_watches",
      "consul_dashboard_kv_writes_total",
      "consul_dashboard_operator_sessions",
      "consul_dashboard_process_resident_memory_bytes",
    ]) {
      expect(text, name).toContain(`# TYPE ${name.replace(/_bucket$/, "")} `);
    }
    expect(text).toMatch(/consul_dashboard_consul_requests_total\{group="health\/state",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/consul_dashboard_watch_round_age_seconds\{dc="local"\} \d/);
  });

  test("/api/readyz is 200 with Consul up and 503 with the reason when it stops; /api/healthz stays alive", async ({ request, launch }) => {
    const agent = await launch.agent();
    const app = await launch.app({ env: { CONSUL_HTTP_ADDR: agent.url } });
    await expect.poll(async () => (await request.get(`${app.url}/api/readyz`)).status(), { timeout: 20_000 }).toBe(200);
    expect(await (await request.get(`${app.url}/api/readyz`)).json()).toMatchObject({ ready: true });

    await agent.kill();
    await expect.poll(async () => (await request.get(`${app.url}/api/readyz`)).status(), { timeout: 20_000 }).toBe(503);
    const body = (await (await request.get(`${app.url}/api/readyz`)).json()) as { ready: boolean; reason: string; message: string };
    expect(body).toMatchObject({ ready: false, reason: "consul_unreachable" });
    expect(body.message).toContain("Cannot reach Consul");
    expect((await request.get(`${app.url}/api/healthz`)).status()).toBe(200);
  });

  test("SIGTERM drains open live streams and exits within 10 s", async ({ agent, launch }) => {
    const app = await launch.app({ env: { CONSUL_HTTP_ADDR: agent.url } });
    const stream = await fetch(`${app.url}/api/events`);
    const reader = stream.body!.getReader();
    await reader.read(); // the stream is open
    const started = Date.now();
    app.process.kill("SIGTERM");
    // The stream ends (not hangs) and the process exits well inside the deadline.
    for (;;) if ((await reader.read()).done) break;
    await expect.poll(() => app.process.exitCode ?? app.process.signalCode, { timeout: 10_000 }).not.toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(app.output()).toContain('"msg":"Drained"');
  });
});
