import "server-only";
import { Agent, request, errors as undiciErrors } from "undici";
import { CONTROL_CHARS } from "@/lib/consul/path-segment";
import { consulLimits, type Config, type ConsulLimits } from "../config";
import { DomainError } from "../errors";
import { timeConsulRequest } from "../metrics";
import { consulGroup } from "./paths";
import { ConsulError } from "./errors";

export type QueryValue = string | number | boolean | undefined | null;

export interface TransportRequest {
  method?: "GET" | "PUT" | "DELETE" | "POST";
  /** Path below the API root, e.g. `/v1/catalog/services` (segments already encoded). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: string | Uint8Array;
  /** Overrides the server's token, e.g. a signed-in operator's own. */
  token?: string;
  signal?: AbortSignal;
  /** Deadline of the whole request (default: the configured Consul timeout). */
  timeoutMs?: number;
  /** Deadline of the answer's first byte, for long reads whose body may take longer (default: the configured timeout). */
  firstByteMs?: number;
  /** A blocking query: it holds its connection up to `wait`, so it uses the blocking pool. */
  blocking?: boolean;
  /** A watch's read: always sent, even while Consul is known to be silent (it finds out when Consul is back). */
  probe?: boolean;
}

/** What Consul says about the freshness of an answer. */
export interface ResponseMeta {
  /** X-Consul-Index, kept as a string: it is a uint64. */
  index: string | null;
  /** X-Consul-KnownLeader; null when Consul did not send it. */
  knownLeader: boolean | null;
  /** X-Consul-LastContact in ms; null when Consul did not send it. */
  lastContactMs: number | null;
  /** X-Consul-Results-Filtered-By-ACLs: the token could not see every item of this list. */
  filteredByAcls: boolean;
}

export interface TransportResponse {
  status: number;
  body: Buffer;
  meta: ResponseMeta;
}

function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === false) continue;
    // Consul's flag-style parameters (?stale, ?recurse, ?keys) carry no value.
    parts.push(v === true ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

export function readMeta(headers: Record<string, string | string[] | undefined>): ResponseMeta {
  const leader = header(headers, "x-consul-knownleader");
  const contact = header(headers, "x-consul-lastcontact");
  return {
    index: header(headers, "x-consul-index"),
    knownLeader: leader === null ? null : leader === "true",
    lastContactMs: contact === null || !/^\d+$/.test(contact) ? null : Number(contact),
    // Node lower-cases header names, so Consul's "…-By-Acls" and the documented "…-By-ACLs" both land here.
    filteredByAcls: header(headers, "x-consul-results-filtered-by-acls") === "true",
  };
}

/**
 * How long a silent Consul (connection accepted, no answer) is remembered. The watches'
 * reads keep probing meanwhile and clear it with their first answer.
 */
const SILENCE_MEMORY_MS = 15_000;

export type TransportConfig = Pick<Config, "consulUrl" | "token" | "basicAuth" | "tls"> & { limits?: ConsulLimits };

/** A token that cannot travel in an HTTP header: refused as bad input, never sent. */
export class BadTokenError extends DomainError {
  constructor(problem: string) {
    super("bad_token", `The Consul token ${problem}; nothing was sent to Consul. Sign in again with the token's exact text.`);
    this.name = "BadTokenError";
  }
}

function tokenProblem(token: string): string | null {
  if (CONTROL_CHARS.test(token)) return "contains control characters (such as a line break)";
  if (!/^[\x20-\x7e]*$/.test(token)) return "contains characters outside printable ASCII";
  if (token.length > 512) return `is ${token.length} characters long (at most 512)`;
  return null;
}

/**
 * Talks HTTP to Consul through two connection pools, both capped so that together they
 * stay below Consul's http_max_conns_per_client (200; beyond it Consul answers 429 to
 * every request from this host, the watches' included): blocking queries, which each
 * hold a connection up to their wait, and ordinary requests. A flood of one kind then
 * queues in its own pool and never starves the other. Every request has a deadline.
 */
export class ConsulTransport {
  private readonly requests: Agent;
  private readonly blocking: Agent;
  private readonly baseHeaders: Record<string, string>;
  private readonly limits: ConsulLimits;

  constructor(private readonly config: TransportConfig) {
    const tls = config.tls;
    this.limits = config.limits ?? consulLimits();
    const agent = (connections: number) =>
      new Agent({
        connections,
        // Blocking queries can legitimately hold a response for minutes; each request sets its own deadline.
        headersTimeout: 0,
        bodyTimeout: 0,
        keepAliveTimeout: 30_000,
        connect: tls
          ? {
              ca: tls.ca,
              cert: tls.cert,
              key: tls.key,
              servername: tls.servername,
              rejectUnauthorized: tls.rejectUnauthorized,
            }
          : undefined,
      });
    this.requests = agent(this.limits.requestConnections);
    this.blocking = agent(this.limits.maxConnections - this.limits.requestConnections);
    this.baseHeaders = {};
    if (config.basicAuth) {
      const { user, password } = config.basicAuth;
      this.baseHeaders.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    }
  }

  /**
   * Until when ordinary requests fail at once: a request just found Consul accepting the
   * connection but not answering within the deadline. Every screen then says so at once
   * instead of each waiting out its own deadline (and holding a connection). Any answer
   * from Consul clears it; blocking queries and the watches' reads are never short-circuited.
   */
  private silentUntil = 0;
  private silentMessage = "";

  /** Deadline of a non-blocking request, in ms. */
  get timeoutMs(): number {
    return this.limits.timeoutMs;
  }

  get baseUrl(): string {
    return this.config.consulUrl;
  }

  send(req: TransportRequest): Promise<TransportResponse> {
    return timeConsulRequest(consulGroup(req.path), req.blocking === true, () => this.sendOnce(req));
  }

  private async sendOnce(req: TransportRequest): Promise<TransportResponse> {
    const timeoutMs = req.timeoutMs ?? this.limits.timeoutMs;
    const firstByteMs = req.blocking ? timeoutMs : Math.min(timeoutMs, req.firstByteMs ?? this.limits.timeoutMs);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const url = `${this.config.consulUrl}${req.path}${encodeQuery(req.query)}`;
    const headers: Record<string, string> = { ...this.baseHeaders };
    const token = req.token ?? this.config.token;
    if (token) {
      const problem = tokenProblem(token);
      if (problem) throw new BadTokenError(problem);
      headers["x-consul-token"] = token;
    }

    if (!req.blocking && !req.probe && Date.now() < this.silentUntil) {
      throw new ConsulError("timeout", `${this.silentMessage} (moments ago; not asked again yet)`, undefined, req.path);
    }

    let res: Awaited<ReturnType<typeof request>> | undefined;
    let body: Buffer;
    try {
      res = await request(url, {
        method: req.method ?? "GET",
        headers,
        body: req.body,
        signal,
        headersTimeout: firstByteMs,
        dispatcher: req.blocking ? this.blocking : this.requests,
      });
      body = Buffer.from(await res.body.arrayBuffer());
    } catch (err) {
      if (req.signal?.aborted) throw req.signal.reason ?? err;
      if (timeout.aborted || err instanceof undiciErrors.HeadersTimeoutError) {
        const ms = timeout.aborted ? timeoutMs : firstByteMs;
        // No headers at all: Consul accepted the connection and stayed silent.
        if (!req.blocking && res === undefined) {
          this.silentUntil = Date.now() + SILENCE_MEMORY_MS;
          this.silentMessage = `Consul accepted the connection but did not answer within ${ms / 1000} s`;
        }
        throw new ConsulError("timeout", `Consul accepted the connection but did not answer ${req.path} within ${ms / 1000} s`, undefined, req.path, {
          cause: err,
        });
      }
      throw new ConsulError("network", describeNetworkError(err, this.config.consulUrl), undefined, req.path, {
        cause: err,
      });
    }

    this.silentUntil = 0;
    const meta = readMeta(res.headers);
    if (res.statusCode >= 400) {
      const text = body.toString("utf8").trim();
      throw new ConsulError("http", text || `Consul answered HTTP ${res.statusCode} without a reason`, res.statusCode, req.path, { index: meta.index });
    }
    return { status: res.statusCode, body, meta };
  }

  async close(): Promise<void> {
    await Promise.all([this.requests.close(), this.blocking.close()]);
  }
}

const TLS_HINTS: Record<string, string> = {
  ERR_TLS_CERT_ALTNAME_INVALID: "check CONSUL_TLS_SERVER_NAME or the address",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "check CONSUL_CACERT / CONSUL_CAPATH",
  SELF_SIGNED_CERT_IN_CHAIN: "check CONSUL_CACERT / CONSUL_CAPATH",
  DEPTH_ZERO_SELF_SIGNED_CERT: "check CONSUL_CACERT / CONSUL_CAPATH",
  CERT_HAS_EXPIRED: "Consul's certificate has expired",
  ECONNREFUSED: "nothing listens there; is Consul running?",
  ENOTFOUND: "the host name does not resolve",
};

/** A message an operator can act on: what failed, Node's words, and a hint for common TLS mistakes. */
function describeNetworkError(err: unknown, baseUrl: string): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const text = e.message || e.cause?.message || String(err);
  const hint = code ? TLS_HINTS[code] : undefined;
  const label = code && !text.includes(code) ? ` [${code}]` : "";
  if (err instanceof undiciErrors.SocketError) return `Connection to Consul at ${baseUrl} failed: ${text}${label}`;
  return `Cannot reach Consul at ${baseUrl}: ${text}${label}${hint ? ` (${hint})` : ""}`;
}
