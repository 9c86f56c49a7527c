import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cfg-"));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  return dir;
}

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("defaults to http://127.0.0.1:8500 without TLS or token", () => {
    expect(parseConfig({})).toMatchObject({ consulUrl: "http://127.0.0.1:8500", token: undefined, tls: undefined, readOnly: false });
  });

  it("accepts host:port, http:// and https:// addresses", () => {
    expect(parseConfig({ CONSUL_HTTP_ADDR: "consul.internal:8501" }).consulUrl).toBe("http://consul.internal:8501");
    expect(parseConfig({ CONSUL_HTTP_ADDR: "http://10.0.0.5:8500" }).consulUrl).toBe("http://10.0.0.5:8500");
    expect(parseConfig({ CONSUL_HTTP_ADDR: "https://consul.internal:8501/" }).consulUrl).toBe("https://consul.internal:8501");
  });

  it("CONSUL_HTTP_SSL=true makes a plain host:port https, as the Consul CLI does", () => {
    const c = parseConfig({ CONSUL_HTTP_ADDR: "127.0.0.1:8501", CONSUL_HTTP_SSL: "true" });
    expect(c.consulUrl).toBe("https://127.0.0.1:8501");
    expect(c.tls).toMatchObject({ rejectUnauthorized: true });
  });

  it("CONSUL_HTTP_SSL_VERIFY=false skips certificate verification", () => {
    expect(parseConfig({ CONSUL_HTTP_ADDR: "https://h:1", CONSUL_HTTP_SSL_VERIFY: "false" }).tls?.rejectUnauthorized).toBe(false);
  });

  it("reads the CA file, the CA path's certificates only, client pair and server name", () => {
    const dir = tmp({ "ca.pem": CERT, "ca-key.pem": "-----BEGIN EC PRIVATE KEY-----\nx\n-----END EC PRIVATE KEY-----", "c.pem": "CLIENT", "k.pem": "KEY" });
    const c = parseConfig({
      CONSUL_HTTP_ADDR: "https://h:1",
      CONSUL_CACERT: path.join(dir, "ca.pem"),
      CONSUL_CAPATH: dir,
      CONSUL_CLIENT_CERT: path.join(dir, "c.pem"),
      CONSUL_CLIENT_KEY: path.join(dir, "k.pem"),
      CONSUL_TLS_SERVER_NAME: "server.dc1.consul",
    });
    expect(c.tls).toEqual({ ca: [CERT, CERT], cert: "CLIENT", key: "KEY", servername: "server.dc1.consul", rejectUnauthorized: true });
  });

  it("the token file wins over the token, trimmed", () => {
    const dir = tmp({ token: "  file-secret\n" });
    expect(parseConfig({ CONSUL_HTTP_TOKEN: "env-secret", CONSUL_HTTP_TOKEN_FILE: path.join(dir, "token") }).token).toBe("file-secret");
    expect(parseConfig({ CONSUL_HTTP_TOKEN: "env-secret" }).token).toBe("env-secret");
  });

  it("splits CONSUL_HTTP_AUTH at the first colon", () => {
    expect(parseConfig({ CONSUL_HTTP_AUTH: "ops:pa:ss" }).basicAuth).toEqual({ user: "ops", password: "pa:ss" });
  });

  it("names the variable for every bad value", () => {
    expect(errorOf({ CONSUL_HTTP_SSL_VERIFY: "maybe" }).variable).toBe("CONSUL_HTTP_SSL_VERIFY");
    expect(errorOf({ CONSUL_HTTP_ADDR: "unix:///var/run/consul.sock" }).variable).toBe("CONSUL_HTTP_ADDR");
    expect(errorOf({ CONSUL_HTTP_ADDR: "http://h:1/v1" }).message).toContain("CONSUL_HTTP_ADDR");
    expect(errorOf({ CONSUL_HTTP_AUTH: "nocolon" }).variable).toBe("CONSUL_HTTP_AUTH");
    expect(errorOf({ CONSUL_HTTP_TOKEN_FILE: "/nonexistent/token" }).message).toMatch(/CONSUL_HTTP_TOKEN_FILE: cannot read/);
    expect(errorOf({ CONSUL_HTTP_ADDR: "https://h:1", CONSUL_CLIENT_CERT: "/x" }).variable).toBe("CONSUL_CLIENT_KEY");
    expect(errorOf({ CONSUL_HTTP_ADDR: "https://h:1", CONSUL_CAPATH: tmp({ "readme.txt": "x" }) }).variable).toBe("CONSUL_CAPATH");
    expect(errorOf({ DASHBOARD_READ_ONLY: "sometimes" }).variable).toBe("DASHBOARD_READ_ONLY");
  });
});

describe("parseConfig: serving and hardening", () => {
  it("listens on 127.0.0.1 and answers the loopback names by default; nothing may frame it", () => {
    const c = parseConfig({});
    expect(c.serve.host).toBe("127.0.0.1");
    expect(c.serve.allowedHosts.map((h) => h.host)).toEqual(["127.0.0.1", "localhost", "[::1]"]);
    expect(c.serve.frameAncestors).toEqual([]);
    expect(c.serve.dev).toBe(false);
    expect(c.logLevel).toBe("info");
  });

  it("DASHBOARD_HOST joins the default allowlist; a wildcard does not", () => {
    expect(parseConfig({ DASHBOARD_HOST: "10.1.2.3" }).serve.allowedHosts.map((h) => h.host)).toEqual(["10.1.2.3", "localhost", "127.0.0.1", "[::1]"]);
    expect(parseConfig({ DASHBOARD_HOST: "0.0.0.0" }).serve.allowedHosts.map((h) => h.host)).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    expect(errorOf({ DASHBOARD_HOST: "a host" }).message).toMatch(/^Invalid configuration: DASHBOARD_HOST: must be a host name or IP address/);
  });

  it("DASHBOARD_ALLOWED_HOSTS replaces the allowlist; entries may carry a port", () => {
    const c = parseConfig({ DASHBOARD_ALLOWED_HOSTS: "consul-dash.example.com, ops.example.com:8443 ,[::1]" });
    expect(c.serve.allowedHosts).toEqual([
      { host: "consul-dash.example.com", port: undefined },
      { host: "ops.example.com", port: "8443" },
      { host: "[::1]", port: undefined },
    ]);
    expect(errorOf({ DASHBOARD_ALLOWED_HOSTS: "https://x.example" }).message).toBe(
      'Invalid configuration: DASHBOARD_ALLOWED_HOSTS: "https://x.example" is not a host name with an optional :port',
    );
  });

  it("DASHBOARD_FRAME_ANCESTORS takes origins separated by spaces or commas", () => {
    const c = parseConfig({ DASHBOARD_FRAME_ANCESTORS: "https://status.example.com, http://127.0.0.2:8080 https://*.ops.example.com" });
    expect(c.serve.frameAncestors).toEqual(["https://status.example.com", "http://127.0.0.2:8080", "https://*.ops.example.com"]);
    expect(errorOf({ DASHBOARD_FRAME_ANCESTORS: "https://status.example.com/wall" }).message).toMatch(
      /^Invalid configuration: DASHBOARD_FRAME_ANCESTORS: "https:\/\/status.example.com\/wall" is not an origin/,
    );
    expect(errorOf({ DASHBOARD_FRAME_ANCESTORS: "*" }).variable).toBe("DASHBOARD_FRAME_ANCESTORS");
  });

  it("DASHBOARD_LOG_LEVEL takes pino's levels", () => {
    expect(parseConfig({ DASHBOARD_LOG_LEVEL: "debug" }).logLevel).toBe("debug");
    expect(errorOf({ DASHBOARD_LOG_LEVEL: "loud" }).variable).toBe("DASHBOARD_LOG_LEVEL");
  });

  it("allows eval in the CSP only under next dev", () => {
    expect(parseConfig({ NODE_ENV: "development" }).serve.dev).toBe(true);
    expect(parseConfig({ NODE_ENV: "production" }).serve.dev).toBe(false);
  });
});

describe("access configuration", () => {
  it("defaults to signed-in writes, open reads and 12 h sessions", () => {
    expect(parseConfig({}).access).toMatchObject({ writes: "signed-in", reads: "anyone", sessionSeconds: 43_200, trustProxy: false, maxBodyBytes: 16 * 1024 * 1024 });
  });

  it("treats DASHBOARD_READ_ONLY=true as DASHBOARD_WRITES=off, and refuses a contradiction", () => {
    expect(parseConfig({ DASHBOARD_READ_ONLY: "true" })).toMatchObject({ readOnly: true, access: { writes: "off", writesOffBy: "DASHBOARD_READ_ONLY=true" } });
    expect(parseConfig({ DASHBOARD_WRITES: "off" })).toMatchObject({ readOnly: true, access: { writesOffBy: "DASHBOARD_WRITES=off" } });
    expect(errorOf({ DASHBOARD_READ_ONLY: "true", DASHBOARD_WRITES: "anyone" }).variable).toBe("DASHBOARD_WRITES");
  });

  it("names bad values", () => {
    expect(errorOf({ DASHBOARD_WRITES: "everyone" }).variable).toBe("DASHBOARD_WRITES");
    expect(errorOf({ DASHBOARD_READS: "nobody" }).variable).toBe("DASHBOARD_READS");
    expect(errorOf({ DASHBOARD_SESSION_SECRET: "short" }).variable).toBe("DASHBOARD_SESSION_SECRET");
    expect(errorOf({ DASHBOARD_SESSION_HOURS: "0" }).variable).toBe("DASHBOARD_SESSION_HOURS");
    expect(errorOf({ DASHBOARD_SESSION_HOURS: "12h" }).variable).toBe("DASHBOARD_SESSION_HOURS");
    expect(errorOf({ DASHBOARD_MAX_BODY_BYTES: "-1" }).variable).toBe("DASHBOARD_MAX_BODY_BYTES");
  });

  it("takes fractional hours (seconds-long sessions in tests) and a longer wall session", () => {
    expect(parseConfig({ DASHBOARD_SESSION_HOURS: "0.001", DASHBOARD_WALL_SESSION_HOURS: "48" }).access).toMatchObject({ sessionSeconds: 4, wallSessionSeconds: 172_800 });
    expect(parseConfig({}).access.wallSessionSeconds).toBe(720 * 3600);
  });
});

describe("Consul limits", () => {
  it("defaults to a 3 s deadline and 100 connections split between ordinary and blocking requests", () => {
    const { limits } = parseConfig({});
    expect(limits).toEqual({ timeoutMs: 3000, maxConnections: 100, requestConnections: 30, maxServiceWatches: 64 });
    expect(limits.maxConnections).toBeLessThan(200);
  });

  it("reads the variables and refuses a connection count at or above Consul's per-client limit", () => {
    const { limits } = parseConfig({ DASHBOARD_CONSUL_TIMEOUT_SECONDS: "5", DASHBOARD_CONSUL_MAX_CONNECTIONS: "40", DASHBOARD_MAX_SERVICE_WATCHES: "10" });
    expect(limits).toMatchObject({ timeoutMs: 5000, maxConnections: 40, requestConnections: 12, maxServiceWatches: 10 });
    expect(() => parseConfig({ DASHBOARD_CONSUL_MAX_CONNECTIONS: "200" })).toThrow(/DASHBOARD_CONSUL_MAX_CONNECTIONS: must be between 8 and 190/);
  });

  it("refuses more per-service watches than the blocking connections hold, naming the variable", () => {
    expect(() => parseConfig({ DASHBOARD_CONSUL_MAX_CONNECTIONS: "40", DASHBOARD_MAX_SERVICE_WATCHES: "64" })).toThrow(/DASHBOARD_MAX_SERVICE_WATCHES: 64 per-service watches do not fit/);
    // Without the variable, the cap shrinks to what fits.
    expect(parseConfig({ DASHBOARD_CONSUL_MAX_CONNECTIONS: "40" }).limits.maxServiceWatches).toBe(22);
  });
});

describe("heap growth", () => {
  it("caps V8's heap growth at 50 % by default, takes 0 (V8's own rule) to 400, and names the variable when out of range", () => {
    expect(parseConfig({}).heapGrowthPercent).toBe(50);
    expect(parseConfig({ DASHBOARD_HEAP_GROWTH_PERCENT: "0" }).heapGrowthPercent).toBe(0);
    expect(parseConfig({ DASHBOARD_HEAP_GROWTH_PERCENT: "120" }).heapGrowthPercent).toBe(120);
    expect(() => parseConfig({ DASHBOARD_HEAP_GROWTH_PERCENT: "401" })).toThrow(/DASHBOARD_HEAP_GROWTH_PERCENT: must be between 0 and 400/);
    expect(() => parseConfig({ DASHBOARD_HEAP_GROWTH_PERCENT: "1.5" })).toThrow(/DASHBOARD_HEAP_GROWTH_PERCENT: must be a whole number of percent/);
  });
});
