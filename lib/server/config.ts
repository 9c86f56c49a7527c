import "server-only";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DomainError } from "./errors";
import { defaultAllowedHosts, parseHostPort, type HostEntry } from "@/lib/http/security";

/**
 * The one module that reads process.env. Variable names and meanings follow the
 * Consul CLI so an operator's existing shell set-up works unchanged.
 */

const bool = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ["1", "0", "true", "false", "yes", "no", "t", "f"].includes(v), {
      message: "must be true or false",
    })
    .transform((v) => ["1", "true", "yes", "t"].includes(v));

const seconds = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: "must be a whole number of seconds" })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be between ${min} and ${max} seconds` });

/** Hours, fractions allowed (a test may ask for seconds-long sessions); at most a year. */
const hours = () =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, { message: "must be a number of hours, e.g. 12 or 0.5" })
    .transform(Number)
    .refine((n) => n > 0 && n <= 8_760, { message: "must be more than 0 and at most 8760 hours" });
const whole = (unit: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `must be a whole number of ${unit}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be between ${min} and ${max}` });

const bytes = () =>
  z
    .string()
    .trim()
    .regex(/^[1-9]\d*$/, { message: "must be a positive whole number of bytes" })
    .transform(Number);

const envSchema = z.object({
  CONSUL_HTTP_ADDR: z.string().trim().min(1).optional(),
  CONSUL_HTTP_TOKEN: z.string().trim().optional(),
  CONSUL_HTTP_TOKEN_FILE: z.string().trim().min(1).optional(),
  CONSUL_HTTP_AUTH: z
    .string()
    .refine((v) => v.includes(":"), { message: "CONSUL_HTTP_AUTH must be user:password" })
    .optional(),
  CONSUL_HTTP_SSL: bool().optional(),
  CONSUL_CACERT: z.string().trim().min(1).optional(),
  CONSUL_CAPATH: z.string().trim().min(1).optional(),
  CONSUL_CLIENT_CERT: z.string().trim().min(1).optional(),
  CONSUL_CLIENT_KEY: z.string().trim().min(1).optional(),
  CONSUL_TLS_SERVER_NAME: z.string().trim().min(1).optional(),
  CONSUL_HTTP_SSL_VERIFY: bool().optional(),
  DASHBOARD_READ_ONLY: bool().optional(),
  DASHBOARD_DATA_DIR: z.string().trim().min(1).optional(),
  // Match the agent's kv_max_value_size when it differs from Consul's default 512 KiB.
  DASHBOARD_KV_MAX_VALUE_BYTES: bytes().optional(),
  DASHBOARD_WATCH_IDLE_SECONDS: seconds(0, 86_400).optional(),
  DASHBOARD_WATCH_MAX_BACKOFF_SECONDS: seconds(1, 600).optional(),
  DASHBOARD_WATCH_WAIT_SECONDS: seconds(1, 600).optional(),
  DASHBOARD_WATCH_WARM: bool().optional(),
  // --- Serving and hardening (proxy.ts, /metrics, logs): see "Serving" below. ---
  DASHBOARD_HOST: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.:[\]-]+$/, { message: "must be a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0" })
    .optional(),
  DASHBOARD_ALLOWED_HOSTS: z.string().trim().min(1).optional(),
  // Set by `next start` / npm start to the port it listens on (the start-up warm-up requests it).
  PORT: z.string().trim().regex(/^\d{1,5}$/, { message: "must be a port number" }).optional(),
  DASHBOARD_FRAME_ANCESTORS: z.string().trim().optional(),
  NODE_ENV: z.string().optional(),
  DASHBOARD_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),

  // --- Access: who may read and write, operator sessions, request sizes (see README "Access") ---
  // Who may write KV: only signed-in operators with their own token (default), anyone (the
  // server's token writes: a trusted network or a Consul without ACLs), or nobody.
  DASHBOARD_WRITES: z.enum(["signed-in", "anyone", "off"], { message: "must be signed-in, anyone or off" }).optional(),
  // Who may read: anyone who reaches the dashboard (default, like a status page), or signed-in operators only.
  DASHBOARD_READS: z.enum(["anyone", "signed-in"], { message: "must be anyone or signed-in" }).optional(),
  // Key that seals session cookies; generated into DASHBOARD_DATA_DIR when unset. Replicas must share it.
  DASHBOARD_SESSION_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  // Session lifetimes in hours (fractions allowed, e.g. 0.5); the wall's "keep me signed in" one is longer.
  DASHBOARD_SESSION_HOURS: hours().optional(),
  DASHBOARD_WALL_SESSION_HOURS: hours().optional(),
  // Behind a TLS-terminating proxy: believe X-Forwarded-Proto when deciding the cookie's Secure flag.
  DASHBOARD_TRUST_PROXY: bool().optional(),
  // Largest request body (import); single writes are bounded by the KV value limit instead.
  DASHBOARD_MAX_BODY_BYTES: bytes().optional(),

  // --- Talking to Consul: deadlines and connection limits (see README "Limits") ---
  DASHBOARD_CONSUL_TIMEOUT_SECONDS: seconds(1, 120).optional(),
  DASHBOARD_CONSUL_MAX_CONNECTIONS: whole("connections", 8, 190).optional(),
  DASHBOARD_MAX_SERVICE_WATCHES: whole("watches", 0, 1000).optional(),
  // How far V8 lets the heap grow past what was live after its last full collection, in percent; 0 = V8's own rule.
  DASHBOARD_HEAP_GROWTH_PERCENT: whole("percent", 0, 400).optional(),

  // --- KV history and the lasting audit (see README "KV history") ---
  // Prefixes watched for changes made outside the dashboard (comma-separated; "" = none).
  DASHBOARD_KV_HISTORY_PREFIXES: z.string().optional(),
  DASHBOARD_KV_HISTORY_VERSIONS: whole("versions", 1, 100_000).optional(),
  DASHBOARD_KV_HISTORY_BYTES: whole("bytes", 1024, Number.MAX_SAFE_INTEGER).optional(),
  // Several replicas: one shared PostgreSQL instead of the embedded SQLite file.
  DASHBOARD_DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" })
    .optional(),
});

export interface TlsConfig {
  ca?: string[];
  cert?: string;
  key?: string;
  servername?: string;
  rejectUnauthorized: boolean;
}

export interface Config {
  /** Base URL of the Consul HTTP API, without trailing slash, e.g. http://127.0.0.1:8500 */
  consulUrl: string;
  token: string | undefined;
  basicAuth: { user: string; password: string } | undefined;
  tls: TlsConfig | undefined;
  /** No KV writes at all (DASHBOARD_WRITES=off or DASHBOARD_READ_ONLY=true). */
  readOnly: boolean;
  dataDir: string;
  /** Who may read and write, and how operator sessions work. */
  access: AccessConfig;
  /** Largest KV value the dashboard sends, in bytes (Consul's default kv_max_value_size). */
  kvMaxValueBytes: number;
  /** Live health watches (one per datacenter). */
  watch: WatchConfig;
  /** How the dashboard is served: listen address, Host allowlist, framing (proxy.ts). */
  serve: ServeConfig;
  /** pino log level. */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** How the server talks to Consul: deadlines and connection limits. */
  limits: ConsulLimits;
  /** KV history, the audit and where they are kept. */
  history: HistoryConfig;
  /** V8's heap growth past the live heap, in percent (0: V8's own dynamic rule); see lib/server/heap.ts. */
  heapGrowthPercent: number;
}

export interface HistoryConfig {
  /** Prefixes whose every change is recorded, including changes made outside the dashboard. */
  watchPrefixes: string[];
  versionsPerKey: number;
  totalBytes: number;
  /** A shared PostgreSQL (several replicas); undefined: SQLite in dataDir. */
  databaseUrl: string | undefined;
}

function parseHistory(e: z.infer<typeof envSchema>): HistoryConfig {
  const watchPrefixes = [...new Set((e.DASHBOARD_KV_HISTORY_PREFIXES ?? "").split(",").map((p) => p.trim()).filter(Boolean))];
  for (const p of watchPrefixes) {
    if (p.startsWith("/")) throw new ConfigError("DASHBOARD_KV_HISTORY_PREFIXES", `"${p}" starts with "/" (KV keys never do)`);
  }
  return {
    watchPrefixes,
    versionsPerKey: e.DASHBOARD_KV_HISTORY_VERSIONS ?? 50,
    totalBytes: e.DASHBOARD_KV_HISTORY_BYTES ?? 256 * 1024 * 1024,
    databaseUrl: e.DASHBOARD_DATABASE_URL,
  };
}

// --- Serving and hardening ---------------------------------------------------------
export interface ServeConfig {
  /** Listen address (DASHBOARD_HOST). */
  host: string;
  /** Listen port (PORT), when known. */
  port: number | undefined;
  /** Host headers the dashboard answers; any other is refused (DNS rebinding). */
  allowedHosts: HostEntry[];
  /** Origins that may frame /wall; every other page may never be framed. */
  frameAncestors: string[];
  /** `next dev`: the CSP then allows eval, which React's development build needs. */
  dev: boolean;
}

const ORIGIN = /^https?:\/\/(\*\.)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

function parseServe(e: z.infer<typeof envSchema>): ServeConfig {
  const host = e.DASHBOARD_HOST ?? "127.0.0.1";
  let allowedHosts = defaultAllowedHosts(host);
  if (e.DASHBOARD_ALLOWED_HOSTS) {
    allowedHosts = e.DASHBOARD_ALLOWED_HOSTS.split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((raw) => {
        const entry = parseHostPort(raw);
        if (!entry) throw new ConfigError("DASHBOARD_ALLOWED_HOSTS", `"${raw}" is not a host name with an optional :port`);
        return entry;
      });
  }
  const frameAncestors = (e.DASHBOARD_FRAME_ANCESTORS ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((raw) => {
      if (raw === "'self'" || raw === "self") return "'self'";
      if (!ORIGIN.test(raw)) throw new ConfigError("DASHBOARD_FRAME_ANCESTORS", `"${raw}" is not an origin such as https://status.example.com`);
      return raw.toLowerCase();
    });
  return { host, port: e.PORT ? Number(e.PORT) : undefined, allowedHosts, frameAncestors, dev: e.NODE_ENV === "development" };
}
// ------------------------------------------------------------------------------------

export interface AccessConfig {
  writes: "signed-in" | "anyone" | "off";
  /** Which variable turned writes off, to name it in refusals. */
  writesOffBy: "DASHBOARD_WRITES=off" | "DASHBOARD_READ_ONLY=true" | null;
  reads: "anyone" | "signed-in";
  /** DASHBOARD_SESSION_SECRET, or undefined to use (or create) the key file in dataDir. */
  sessionSecret: string | undefined;
  sessionSeconds: number;
  wallSessionSeconds: number;
  trustProxy: boolean;
  /** Request body limit for imports; single writes use kvMaxValueBytes × 4/3 plus overhead. */
  maxBodyBytes: number;
}

export interface ConsulLimits {
  /** Deadline of a non-blocking request to Consul (and of the first byte of a long read). */
  timeoutMs: number;
  /** Connections to Consul in all, kept below Consul's http_max_conns_per_client (200). */
  maxConnections: number;
  /** Of those, the connections for ordinary (non-blocking) requests; the rest hold blocking queries. */
  requestConnections: number;
  /** Per-service watches (one blocking query each) across all datacenters. */
  maxServiceWatches: number;
}

/** Blocking connections kept for the datacenter watches (two blocking queries each). */
export const DC_WATCH_RESERVE = 6;

/** Splits the connection budget: a share for ordinary requests, the rest for blocking queries. */
export function consulLimits(timeoutSeconds = 3, maxConnections = 100, maxServiceWatches?: number): ConsulLimits {
  const requestConnections = Math.max(4, Math.floor(maxConnections * 0.3));
  const blocking = maxConnections - requestConnections;
  const watches = maxServiceWatches ?? Math.min(64, blocking - DC_WATCH_RESERVE);
  if (watches + DC_WATCH_RESERVE > blocking) {
    throw new ConfigError(
      "DASHBOARD_MAX_SERVICE_WATCHES",
      `${watches} per-service watches do not fit in the ${blocking} blocking connections of DASHBOARD_CONSUL_MAX_CONNECTIONS=${maxConnections} ` +
        `(${requestConnections} are kept for ordinary requests, ${DC_WATCH_RESERVE} for datacenter watches); lower it to ${Math.max(0, blocking - DC_WATCH_RESERVE)} or raise the connections`,
    );
  }
  return { timeoutMs: timeoutSeconds * 1000, maxConnections, requestConnections, maxServiceWatches: watches };
}

export interface WatchConfig {
  /** A datacenter's watch stops this long after its last viewer leaves. */
  idleMs: number;
  /** Upper bound of the back-off between failed Consul requests. */
  maxBackoffMs: number;
  /** How long each blocking query may wait for a change. */
  waitMs: number;
  /** Watch the local datacenter from start-up on, so the first screen does not wait for the first full read. */
  warm?: boolean;
}

export class ConfigError extends DomainError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super("config", `Invalid configuration: ${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

function readFile(variable: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new ConfigError(variable, `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

function parseAddress(raw: string | undefined, ssl: boolean | undefined): string {
  const value = raw ?? "127.0.0.1:8500";
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  if (hasScheme && !/^https?:\/\//i.test(value)) {
    throw new ConfigError("CONSUL_HTTP_ADDR", `unsupported scheme in "${value}" (use http:// or https://)`);
  }
  const withScheme = hasScheme ? value : `${ssl ? "https" : "http"}://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError("CONSUL_HTTP_ADDR", `"${value}" is not host:port or a URL`);
  }
  if (url.pathname !== "/" || url.search || url.hash) {
    throw new ConfigError("CONSUL_HTTP_ADDR", `"${value}" must not carry a path or query`);
  }
  // CONSUL_HTTP_SSL=true upgrades a plain address, as the Consul CLI does.
  if (ssl && url.protocol === "http:" && !/^http:\/\//i.test(value)) url.protocol = "https:";
  return url.origin;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate in the directory's PEM files (keys and other blocks are skipped). */
function readCaPath(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new ConfigError("CONSUL_CAPATH", `cannot read directory ${dir} (${(err as NodeJS.ErrnoException).code})`);
  }
  const certs = names
    .filter((n) => /\.(pem|crt|cer)$/i.test(n))
    .flatMap((n) => readFile("CONSUL_CAPATH", path.join(dir, n)).match(PEM_CERT) ?? []);
  if (certs.length === 0) throw new ConfigError("CONSUL_CAPATH", `no PEM certificates in ${dir}`);
  return certs;
}

export function parseConfig(env: Env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    throw new ConfigError(variable, issue?.message ?? "invalid value");
  }
  const e = parsed.data;
  const consulUrl = parseAddress(e.CONSUL_HTTP_ADDR, e.CONSUL_HTTP_SSL);

  // As in the Consul CLI, the token file wins over the token.
  const token = e.CONSUL_HTTP_TOKEN_FILE
    ? readFile("CONSUL_HTTP_TOKEN_FILE", e.CONSUL_HTTP_TOKEN_FILE).trim() || undefined
    : e.CONSUL_HTTP_TOKEN || undefined;

  let basicAuth: Config["basicAuth"];
  if (e.CONSUL_HTTP_AUTH) {
    const i = e.CONSUL_HTTP_AUTH.indexOf(":");
    basicAuth = { user: e.CONSUL_HTTP_AUTH.slice(0, i), password: e.CONSUL_HTTP_AUTH.slice(i + 1) };
  }

  if (Boolean(e.CONSUL_CLIENT_CERT) !== Boolean(e.CONSUL_CLIENT_KEY)) {
    const missing = e.CONSUL_CLIENT_CERT ? "CONSUL_CLIENT_KEY" : "CONSUL_CLIENT_CERT";
    throw new ConfigError(missing, "CONSUL_CLIENT_CERT and CONSUL_CLIENT_KEY must be set together");
  }

  let tls: TlsConfig | undefined;
  if (consulUrl.startsWith("https:")) {
    const ca = [
      ...(e.CONSUL_CACERT ? [readFile("CONSUL_CACERT", e.CONSUL_CACERT)] : []),
      ...(e.CONSUL_CAPATH ? readCaPath(e.CONSUL_CAPATH) : []),
    ];
    tls = {
      ca: ca.length > 0 ? ca : undefined,
      cert: e.CONSUL_CLIENT_CERT ? readFile("CONSUL_CLIENT_CERT", e.CONSUL_CLIENT_CERT) : undefined,
      key: e.CONSUL_CLIENT_KEY ? readFile("CONSUL_CLIENT_KEY", e.CONSUL_CLIENT_KEY) : undefined,
      servername: e.CONSUL_TLS_SERVER_NAME,
      rejectUnauthorized: e.CONSUL_HTTP_SSL_VERIFY ?? true,
    };
  }

  if (e.DASHBOARD_READ_ONLY && e.DASHBOARD_WRITES && e.DASHBOARD_WRITES !== "off") {
    throw new ConfigError("DASHBOARD_WRITES", `is ${e.DASHBOARD_WRITES} but DASHBOARD_READ_ONLY=true; set one of them`);
  }
  const writes = e.DASHBOARD_READ_ONLY ? "off" : (e.DASHBOARD_WRITES ?? "signed-in");
  const sessionHours = e.DASHBOARD_SESSION_HOURS ?? 12;
  const access: AccessConfig = {
    writes,
    writesOffBy: e.DASHBOARD_READ_ONLY ? "DASHBOARD_READ_ONLY=true" : writes === "off" ? "DASHBOARD_WRITES=off" : null,
    reads: e.DASHBOARD_READS ?? "anyone",
    sessionSecret: e.DASHBOARD_SESSION_SECRET,
    sessionSeconds: Math.round(sessionHours * 3600),
    wallSessionSeconds: Math.round((e.DASHBOARD_WALL_SESSION_HOURS ?? Math.max(sessionHours, 30 * 24)) * 3600),
    trustProxy: e.DASHBOARD_TRUST_PROXY ?? false,
    maxBodyBytes: e.DASHBOARD_MAX_BODY_BYTES ?? 16 * 1024 * 1024,
  };

  return {
    consulUrl,
    token,
    basicAuth,
    tls,
    readOnly: writes === "off",
    access,
    dataDir: path.resolve(/*turbopackIgnore: true*/ e.DASHBOARD_DATA_DIR ?? "data"),
    kvMaxValueBytes: e.DASHBOARD_KV_MAX_VALUE_BYTES ?? CONSUL_KV_MAX_VALUE_BYTES,
    watch: {
      idleMs: (e.DASHBOARD_WATCH_IDLE_SECONDS ?? 60) * 1000,
      maxBackoffMs: (e.DASHBOARD_WATCH_MAX_BACKOFF_SECONDS ?? 10) * 1000,
      waitMs: (e.DASHBOARD_WATCH_WAIT_SECONDS ?? 60) * 1000,
      warm: e.DASHBOARD_WATCH_WARM ?? true,
    },
    serve: parseServe(e),
    logLevel: e.DASHBOARD_LOG_LEVEL ?? "info",
    limits: consulLimits(e.DASHBOARD_CONSUL_TIMEOUT_SECONDS, e.DASHBOARD_CONSUL_MAX_CONNECTIONS, e.DASHBOARD_MAX_SERVICE_WATCHES),
    history: parseHistory(e),
    heapGrowthPercent: e.DASHBOARD_HEAP_GROWTH_PERCENT ?? DEFAULT_HEAP_GROWTH_PERCENT,
  };
}

/** Measured at 10,000 services × 10 instances: see lib/server/heap.ts. */
const DEFAULT_HEAP_GROWTH_PERCENT = 50;

/** Consul's own default kv_max_value_size. */
const CONSUL_KV_MAX_VALUE_BYTES = 512 * 1024;

let cached: Config | undefined;

/** The validated configuration; throws ConfigError naming the bad variable. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
