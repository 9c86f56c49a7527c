import { describe, expect, it } from "vitest";
import { buildCsp, defaultAllowedHosts, frameAncestorsFor, hostAllowed, makeNonce, parseHostPort, requestIdFrom, securityHeaders } from "./security";

describe("host allowlist", () => {
  const allowed = defaultAllowedHosts("127.0.0.1");

  it("defaults to the bind address and the loopback names, on any port", () => {
    expect(allowed.map((a) => a.host)).toEqual(["127.0.0.1", "localhost", "[::1]"]);
    expect(hostAllowed("127.0.0.1:3000", allowed)).toBe(true);
    expect(hostAllowed("LOCALHOST:8080", allowed)).toBe(true);
    expect(hostAllowed("[::1]:3000", allowed)).toBe(true);
    expect(hostAllowed("localhost", allowed)).toBe(true);
  });

  it("refuses any other name: a DNS-rebinding page sends its own host", () => {
    expect(hostAllowed("evil.example", allowed)).toBe(false);
    expect(hostAllowed("evil.example:3000", allowed)).toBe(false);
    expect(hostAllowed("127.0.0.1.evil.example", allowed)).toBe(false);
    expect(hostAllowed("localhost@evil.example", allowed)).toBe(false);
    expect(hostAllowed("", allowed)).toBe(false);
    expect(hostAllowed(null, allowed)).toBe(false);
  });

  it("brackets an IPv6 bind address and leaves wildcard addresses out", () => {
    expect(defaultAllowedHosts("::1").map((a) => a.host)).toEqual(["[::1]", "localhost", "127.0.0.1"]);
    expect(defaultAllowedHosts("0.0.0.0").map((a) => a.host)).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    expect(defaultAllowedHosts("::").map((a) => a.host)).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    expect(defaultAllowedHosts("dash.internal").map((a) => a.host)).toContain("dash.internal");
  });

  it("an entry with a port allows only that port; a trailing dot is the same name", () => {
    const list = [parseHostPort("consul-dash.example.com:8443")!, parseHostPort("ops.example.com")!];
    expect(hostAllowed("consul-dash.example.com:8443", list)).toBe(true);
    expect(hostAllowed("consul-dash.example.com", list)).toBe(false);
    expect(hostAllowed("consul-dash.example.com:3000", list)).toBe(false);
    expect(hostAllowed("ops.example.com.", list)).toBe(true);
    expect(hostAllowed("ops.example.com:443", list)).toBe(true);
  });

  it("rejects malformed host[:port]", () => {
    expect(parseHostPort("a b")).toBeUndefined();
    expect(parseHostPort("host:99999")).toBeUndefined();
    expect(parseHostPort("http://host")).toBeUndefined();
    expect(parseHostPort("-bad.example")).toBeUndefined();
  });
});

describe("Content-Security-Policy", () => {
  it("allows scripts only from self or by nonce, and never framing by default", () => {
    const csp = buildCsp({ nonce: "abc", dev: false, frameAncestors: [] });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toMatch(/frame-ancestors 'none'$/);
  });

  it("never puts a nonce in style-src (browsers would then ignore 'unsafe-inline')", () => {
    const styles = buildCsp({ nonce: "abc", dev: false, frameAncestors: [] }).split("; ").find((d) => d.startsWith("style-src"));
    expect(styles).toBe("style-src 'self' 'unsafe-inline'");
  });

  it("allows eval in development only", () => {
    expect(buildCsp({ nonce: "n", dev: true, frameAncestors: [] })).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("lets configured origins frame /wall only", () => {
    const origins = ["https://status.example.com", "http://127.0.0.2:8080"];
    expect(frameAncestorsFor("/wall", origins)).toEqual(origins);
    expect(frameAncestorsFor("/wall/", origins)).toEqual(origins);
    expect(frameAncestorsFor("/kv", origins)).toEqual([]);
    expect(frameAncestorsFor("/wallpaper", origins)).toEqual([]);
    expect(frameAncestorsFor("/", origins)).toEqual([]);
  });

  it("sends X-Frame-Options: DENY except on an embeddable /wall", () => {
    const wall = securityHeaders({ pathname: "/wall", nonce: "n", dev: false, frameAncestors: ["https://status.example.com"] });
    expect(wall["x-frame-options"]).toBeUndefined();
    expect(wall["content-security-policy"]).toContain("frame-ancestors https://status.example.com");
    const kv = securityHeaders({ pathname: "/kv", nonce: "n", dev: false, frameAncestors: ["https://status.example.com"] });
    expect(kv["x-frame-options"]).toBe("DENY");
    expect(kv["content-security-policy"]).toContain("frame-ancestors 'none'");
    const plain = securityHeaders({ pathname: "/wall", nonce: "n", dev: false, frameAncestors: [] });
    expect(plain["x-frame-options"]).toBe("DENY");
    expect(kv).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cross-origin-opener-policy": "same-origin",
    });
    expect(kv["permissions-policy"]).toContain("camera=()");
    expect(kv["permissions-policy"]).toContain("geolocation=()");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(makeNonce()).not.toBe(a);
  });
});

describe("request id", () => {
  it("keeps a sane incoming id and replaces anything else", () => {
    expect(requestIdFrom("abc-123")).toBe("abc-123");
    expect(requestIdFrom("bad id\n")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(null)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom("x".repeat(200))).toHaveLength(36);
  });
});
