import "server-only";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_MAX_VALUE_BYTES } from "@/lib/kv/value";
import { DomainError } from "./errors";

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

const whole = (unit: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `must be a whole number of ${unit}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be between ${min} and ${max}` });

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
  DASHBOARD_KV_MAX_VALUE_BYTES: z
    .string()
    .trim()
    .regex(/^[1-9]\d*$/, { message: "must be a positive whole number of bytes" })
    .transform(Number)
    .optional(),
  DASHBOARD_WATCH_IDLE_SECONDS: seconds(0, 86_400).optional(),
  DASHBOARD_WATCH_MAX_BACKOFF_SECONDS: seconds(1, 600).optional(),
  DASHBOARD_WATCH_WAIT_SECONDS: seconds(1, 600).optional(),
  DASHBOARD_WATCH_WARM: bool().optional(),
  DASHBOARD_CONSUL_TIMEOUT_SECONDS: seconds(1, 120).optional(),
  DASHBOARD_CONSUL_MAX_CONNECTIONS: whole("connections", 8, 190).optional(),
  DASHBOARD_MAX_SERVICE_WATCHES: whole("watches", 0, 1000).optional(),
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
  readOnly: boolean;
  dataDir: string;
  /** Largest KV value the dashboard sends, in bytes (Consul's default kv_max_value_size). */
  kvMaxValueBytes: number;
  /** Live health watches (one per datacenter). */
  watch: WatchConfig;
  /** How the server talks to Consul: deadlines and connection limits. */
  limits: ConsulLimits;
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

  return {
    consulUrl,
    token,
    basicAuth,
    tls,
    readOnly: e.DASHBOARD_READ_ONLY ?? false,
    dataDir: path.resolve(/*turbopackIgnore: true*/ e.DASHBOARD_DATA_DIR ?? "data"),
    kvMaxValueBytes: e.DASHBOARD_KV_MAX_VALUE_BYTES ?? DEFAULT_MAX_VALUE_BYTES,
    watch: {
      idleMs: (e.DASHBOARD_WATCH_IDLE_SECONDS ?? 60) * 1000,
      maxBackoffMs: (e.DASHBOARD_WATCH_MAX_BACKOFF_SECONDS ?? 10) * 1000,
      waitMs: (e.DASHBOARD_WATCH_WAIT_SECONDS ?? 60) * 1000,
      warm: e.DASHBOARD_WATCH_WARM ?? true,
    },
    limits: consulLimits(e.DASHBOARD_CONSUL_TIMEOUT_SECONDS, e.DASHBOARD_CONSUL_MAX_CONNECTIONS, e.DASHBOARD_MAX_SERVICE_WATCHES),
  };
}

let cached: Config | undefined;

/** The validated configuration; throws ConfigError naming the bad variable. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
