import { startRecordingProxy, type RecordedRequest } from "../scripts/consul/recording-proxy";
import { SeedApi } from "../scripts/consul/seed-api";
import { expect, test, uniq } from "./support/fixtures";
import { rawRequest } from "./support/raw-http";

/**
 * Hostile input against every route, with a recording proxy between the dashboard and
 * a real Consul with ACLs whose management token is the server's token: any request to
 * Consul outside the allowlist is an escape (the audit's `..%2F..%2Facl%2Ftokens` reached
 * /v1/acl/tokens). Each bad input must get a 4xx (never a 500) and change nothing.
 */

const ROOT = "root-secret";
const ACL = `acl { enabled = true\n default_policy = "deny"\n tokens { initial_management = "${ROOT}" } }`;
const enc = encodeURIComponent;

type Expect = "4xx" | "not5xx";
interface Case {
  what: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  expect: Expect;
}

// Every spelling of a dot segment, traversals to the endpoints the audit reached, and other odd names.
const DOTS = [".", "..", "%2e", "%2E", "%2e%2e", "%2E%2e", "%2e%2E", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "%25%32%65%25%32%65"];
const TRAVERSALS = ["../../acl/tokens", "../../snapshot", "../../agent/self", "../../kv/secret", "..\\..\\acl\\tokens", "%2e%2e/%2e%2e/acl/tokens", "..%2F..%2Facl%2Ftokens"];
const ODD_NAMES = ["", "/", "a/b", "a\u0000b", "a\r\nb", "a\tb", "\u007f", "x".repeat(600), "é".repeat(300)];

function bogusNameCases(): Case[] {
  const names = [...DOTS, ...TRAVERSALS, ...ODD_NAMES];
  const cases: Case[] = [];
  for (const n of names) {
    cases.push({ what: `events ?service=${JSON.stringify(n)}`, path: `/api/events?service=${enc(n)}`, expect: "4xx" });
    cases.push({ what: `history ?service=${JSON.stringify(n)}`, path: `/api/history?service=${enc(n)}`, expect: "4xx" });
    // The page path as an attacker types it (raw), and encoded once.
    // Next itself normalises dot segments of page paths (a redirect, or another page): never a 5xx, never Consul.
    if (n !== "" && !/[\u0000-\u001f\u007f]/.test(n) && n.length < 100) cases.push({ what: `page /services/${n}`, path: `/services/${n.replace(/\\/g, "%5C")}`, expect: "not5xx" });
    cases.push({ what: `page /services/<enc ${JSON.stringify(n.slice(0, 20))}>`, path: `/services/${enc(n) || "%20%2F"}`, expect: "not5xx" });
  }
  cases.push({ what: "events for a service that is not registered", path: `/api/events?service=${enc(uniq("nope"))}`, expect: "4xx" });
  return cases;
}

function dcCases(): Case[] {
  const dcs = ["nope", "..", "../../acl", "dc1/..", "dc1%2F..%2F..", "dc1\r\nX-Evil: 1", "dc1?x=1", "dc 1", "x".repeat(300), "%2e%2e", "dc1#", "dc1&stale"];
  const cases: Case[] = [];
  for (const dc of dcs) {
    for (const api of ["/api/events", "/api/history", "/api/services"]) cases.push({ what: `${api} ?dc=${JSON.stringify(dc)}`, path: `${api}?dc=${enc(dc)}`, expect: "4xx" });
    for (const page of ["/", "/wall"]) cases.push({ what: `page ${page} ?dc=${JSON.stringify(dc)}`, path: `${page}?dc=${enc(dc)}`, expect: "not5xx" });
  }
  return cases;
}

function kvCases(origin: string): Case[] {
  const keys = ["../../acl/tokens", "a/../../acl/tokens", "a/%2e%2e/%2e%2e/acl/tokens", "%2e%2e/snapshot", "a//b", "./x", "a\u0001b", "a\r\nb", "/leading", "x".repeat(3000)];
  const write = { "content-type": "application/json", origin, "sec-fetch-site": "same-origin" };
  const cases: Case[] = [];
  for (const k of keys) {
    cases.push({ what: `kv read ${JSON.stringify(k.slice(0, 40))}`, path: `/api/kv?key=${enc(k)}`, expect: "4xx" });
    cases.push({ what: `kv list ${JSON.stringify(k.slice(0, 40))}`, path: `/api/kv/list?prefix=${enc(k)}`, expect: "not5xx" });
    cases.push({ what: `kv keys ${JSON.stringify(k.slice(0, 40))}`, path: `/api/kv/keys?prefix=${enc(k)}`, expect: "not5xx" });
    cases.push({ what: `kv export ${JSON.stringify(k.slice(0, 40))}`, path: `/api/kv/export?prefix=${enc(k)}`, expect: "not5xx" });
    cases.push({ what: `kv create ${JSON.stringify(k.slice(0, 40))}`, method: "PUT", path: "/api/kv", headers: write, body: JSON.stringify({ key: k, value: "eA==", flags: "0", cas: "0" }), expect: "4xx" });
    // A check-and-set delete of a key that is not there changes nothing (checked below).
    cases.push({ what: `kv delete ${JSON.stringify(k.slice(0, 40))}`, method: "DELETE", path: "/api/kv", headers: write, body: JSON.stringify({ key: k, cas: "1" }), expect: "not5xx" });
    cases.push({ what: `kv page ${JSON.stringify(k.slice(0, 40))}`, path: `/kv?key=${enc(k)}`, expect: "not5xx" });
  }
  const bodies = ["", "{", "null", "[]", '{"key":1}', '{"key":"a","value":{},"flags":"0","cas":"0"}', '{"key":"a","value":"!!!","flags":"0","cas":"0"}', '{"key":"a","value":"eA==","flags":"0","cas":"-1"}', '{"key":"a","value":"eA==","cas":"0","flags":"99999999999999999999999"}'];
  for (const b of bodies) cases.push({ what: `kv PUT body ${b}`, method: "PUT", path: "/api/kv", headers: write, body: b, expect: "4xx" });
  cases.push({ what: "oversize value", method: "PUT", path: "/api/kv", headers: write, body: JSON.stringify({ key: "big/x", value: Buffer.alloc(600_000, 120).toString("base64"), flags: "0", cas: "0" }), expect: "4xx" });
  cases.push({ what: "folder delete of everything, unconfirmed", method: "DELETE", path: "/api/kv/folder", headers: write, body: JSON.stringify({ prefix: "", confirm: "nope" }), expect: "4xx" });
  cases.push({ what: "folder delete of a traversal", method: "DELETE", path: "/api/kv/folder", headers: write, body: JSON.stringify({ prefix: "../../", confirm: "../../" }), expect: "not5xx" });
  cases.push({ what: "import preview garbage", method: "POST", path: "/api/kv/import/preview", headers: write, body: "[{]", expect: "4xx" });
  cases.push({ what: "import apply garbage", method: "POST", path: "/api/kv/import/apply", headers: write, body: '{"plan":"x"}', expect: "4xx" });
  cases.push({ what: "cross-site write", method: "PUT", path: "/api/kv", headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" }, body: JSON.stringify({ key: "a", value: "eA==", flags: "0", cas: "0" }), expect: "4xx" });
  return cases;
}

function tokenCases(origin: string): Case[] {
  // A forged session cookie (never a Consul token: the browser holds only a sealed session).
  const cookie = (v: string) => ({ cookie: `consul_dashboard_session=${v}` });
  const tokens = ["abc%0D%0AX-Evil%3A%201", "%0A", "a%00b", "a%09b", "%E2%80%A8", "x".repeat(2000)];
  const cases: Case[] = [];
  for (const t of tokens) {
    for (const p of ["/api/kv?key=a", "/api/kv/list?prefix=", "/api/kv/keys?prefix=", "/api/kv/export?prefix="]) {
      cases.push({ what: `cookie token ${t.slice(0, 20)} on ${p}`, path: p, headers: cookie(t), expect: "4xx" });
    }
    cases.push({ what: `cookie token ${t.slice(0, 20)} on the KV page`, path: "/kv/", headers: cookie(t), expect: "not5xx" });
  }
  for (const t of ["abc\r\nX-Evil: 1", "a\u0000b", "\n"]) {
    cases.push({ what: `sign-in with ${JSON.stringify(t)}`, method: "POST", path: "/api/auth/sign-in", headers: { "content-type": "application/json", origin, "sec-fetch-site": "same-origin" }, body: JSON.stringify({ token: t }), expect: "4xx" });
  }
  return cases;
}

/** Method + path patterns the dashboard may send to Consul. Everything else is an escape. */
function allowed(r: RecordedRequest, registered: Set<string>): boolean {
  const seg = "[^/]+";
  const rules: [string, RegExp][] = [
    ["GET", /^\/v1\/health\/state\/any$/],
    ["GET", /^\/v1\/catalog\/services$/],
    ["GET", /^\/v1\/catalog\/datacenters$/],
    ["GET", /^\/v1\/catalog\/nodes$/],
    ["GET", /^\/v1\/internal\/ui\/nodes$/],
    ["GET", new RegExp(`^/v1/catalog/service/${seg}$`)],
    ["GET", /^\/v1\/acl\/token\/self$/],
    ["GET", new RegExp(`^/v1/session/info/${seg}$`)],
    ["GET", /^\/v1\/kv\/.*$/],
    ["PUT", /^\/v1\/kv\/.+$/],
    ["DELETE", /^\/v1\/kv\/.+$/],
    ["PUT", /^\/v1\/txn$/],
    // Whether the visitor's token may write the key on screen (KV pages hide Edit/Delete otherwise).
    ["POST", /^\/v1\/internal\/acl\/authorize$/],
    // The cold first screen: per-service instance counts while the watch does its first full read.
    ["GET", /^\/v1\/internal\/ui\/services$/],
  ];
  if (r.method === "GET" && r.path.startsWith("/v1/health/service/")) {
    return registered.has(decodeURIComponent(r.path.slice("/v1/health/service/".length)));
  }
  // No request path may hold a dot segment in any spelling.
  if (r.path.split("/").some((s) => /^(\.|%2e){1,2}$/i.test(s))) return false;
  return rules.some(([m, re]) => m === r.method && re.test(r.path));
}

test.describe("hostile input", () => {
  test.describe.configure({ timeout: 300_000 });

  test("no input reaches a Consul endpoint outside the allowlist, and every bad input is a 4xx that changes nothing", async ({ launch }) => {
    const agent = await launch.agent({ hcl: ACL });
    const proxy = await startRecordingProxy(agent.url);
    try {
      const app = await launch.app({ env: { CONSUL_HTTP_ADDR: proxy.url, CONSUL_HTTP_TOKEN: ROOT } });
      const consul = new SeedApi(agent.url, ROOT);
      const web = uniq("web");
      await consul.registerInstance({ node: "hostile-n1", id: web, service: web }, [{ id: "alive", status: "passing" }]);
      await consul.kv.put("secret/value", "do not touch");
      const before = { keys: await consul.kv.keys(""), services: await (await fetch(`${agent.url}/v1/catalog/services`, { headers: { "x-consul-token": ROOT } })).text() };
      // A valid service page and its stream first, so the allowlist's health/service rule is exercised.
      expect((await rawRequest(app.url, `/services/${enc(web)}`)).status).toBe(200);
      expect((await rawRequest(app.url, `/api/events?service=${enc(web)}`)).status).toBe(200);

      const cases = [...bogusNameCases(), ...dcCases(), ...kvCases(app.url), ...tokenCases(app.url)];
      const failures: string[] = [];
      for (const c of cases) {
        const headers = { ...c.headers, ...(c.body !== undefined ? { "content-length": String(Buffer.byteLength(c.body)) } : {}) };
        const res = await rawRequest(app.url, c.path, { method: c.method, headers, body: c.body }).catch((err: Error) => ({ status: 0, body: err.message, ms: 0 }));
        const ok = c.expect === "4xx" ? res.status >= 400 && res.status < 500 : res.status > 0 && res.status < 500;
        if (!ok) failures.push(`${c.what}: HTTP ${res.status} ${res.body.slice(0, 160).replace(/\s+/g, " ")}`);
      }
      // A malformed %-escape in a page path: proxy.ts answers 400 before Next's router would fail on it.
      for (const p of ["/services/%E0%A4%A", "/services/%", "/kv/%E0%A4%A", "/wall/%ZZ"]) {
        expect((await rawRequest(app.url, p)).status, p).toBe(400);
      }
      // Every stream the corpus opened has ended: only the shared watch's two blocking queries stay open.
      await expect.poll(() => proxy.connections().open, { timeout: 15_000 }).toBeLessThanOrEqual(2);
      const registered = new Set([web, "consul"]);
      const escapes = proxy.requests().filter((r) => !allowed(r, registered));
      const after = { keys: await consul.kv.keys(""), services: await (await fetch(`${agent.url}/v1/catalog/services`, { headers: { "x-consul-token": ROOT } })).text() };
      console.log(`hostile-input: ${cases.length} cases, ${proxy.requests().length} requests to Consul, ${escapes.length} escapes, ${failures.length} wrong answers`);
      expect(failures, failures.join("\n")).toEqual([]);
      expect(escapes.map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual([]);
      expect(cases.length).toBeGreaterThanOrEqual(150);
      expect(after).toEqual(before);
      expect(await consul.kv.text("secret/value")).toBe("do not touch");
      expect(app.output()).not.toMatch(/Unhandled error in route/);
    } finally {
      await proxy.close();
    }
  });
});
