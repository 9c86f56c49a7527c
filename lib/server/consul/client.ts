import "server-only";
import { parse as parseLossless } from "lossless-json";
import type { z } from "zod";
import { blockingTimeoutMs, nextBlockingIndex } from "@/lib/consul/blocking-index";
import { ConsulError } from "./errors";
import { consulPath } from "./paths";
import { ConsulTransport, type QueryValue, type ResponseMeta, type TransportConfig, type TransportRequest } from "./transport";

export type { ResponseMeta };

export interface ReadOptions extends Pick<TransportRequest, "token" | "signal" | "timeoutMs" | "firstByteMs" | "blocking" | "probe"> {
  /** Keep every JSON number as its decimal text (uint64 Flags and indexes would lose digits as JS numbers). */
  lossless?: boolean;
  /** Target datacenter (`?dc=`); the local agent's when absent. */
  dc?: string;
  /** Let any server answer (`?stale`): works without a leader. */
  stale?: boolean;
}

export interface BlockingOptions extends ReadOptions {
  /** Index from the previous answer; "0" or absent for a first, non-blocking read. */
  index?: string;
  /** Longest time Consul may hold the request, in ms (Consul caps it at 10 min). */
  waitMs?: number;
}

export interface Result<T> {
  data: T;
  meta: ResponseMeta;
}

export interface BlockingResult<T> extends Result<T> {
  /** Index to send with the next blocking query, after Consul's reset rules. */
  nextIndex: string;
}

export interface WriteOptions {
  query?: Record<string, QueryValue>;
  body?: string | Uint8Array;
  token?: string;
}

/** What /v1/txn answered: 200 when every operation applied, 409 (with `Errors`) when one failed. */
export interface TxnAnswer<T> {
  applied: boolean;
  data: T;
}

/**
 * The typed core every Consul endpoint goes through: JSON validated with zod,
 * errors typed by kind, blocking-query rules applied in one place.
 */
export class ConsulClient {
  private readonly transport: ConsulTransport;

  constructor(config: TransportConfig) {
    this.transport = new ConsulTransport(config);
  }

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /** Deadline of a non-blocking request, in ms (DASHBOARD_CONSUL_TIMEOUT_SECONDS). */
  get timeoutMs(): number {
    return this.transport.timeoutMs;
  }

  async getJson<S extends z.ZodType>(
    path: string,
    schema: S,
    opts: ReadOptions & { query?: Record<string, QueryValue> } = {},
  ): Promise<Result<z.output<S>>> {
    const res = await this.transport.send({
      path,
      query: { ...opts.query, dc: opts.dc, stale: opts.stale },
      token: opts.token,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      firstByteMs: opts.firstByteMs,
      blocking: opts.blocking,
      probe: opts.probe,
    });
    return { data: parseJson(path, res.body, schema, opts), meta: res.meta };
  }

  /** A PUT or DELETE whose answer is plain text (KV writes answer `true` or `false`). */
  async writeText(method: "PUT" | "DELETE", path: string, opts: WriteOptions = {}): Promise<string> {
    const res = await this.transport.send({ method, path, query: opts.query, body: opts.body, token: opts.token });
    return res.body.toString("utf8").trim();
  }

  /** A POST with a JSON body whose answer is JSON (e.g. /v1/internal/acl/authorize). */
  async postJson<S extends z.ZodType>(path: string, body: string, schema: S, opts: { token?: string } = {}): Promise<Result<z.output<S>>> {
    const res = await this.transport.send({ method: "POST", path, body, token: opts.token });
    return { data: parseJson(path, res.body, schema, {}), meta: res.meta };
  }

  /** One /v1/txn call. A 409 (an operation failed) is an outcome, not an exception. Numbers stay lossless. */
  async txn<S extends z.ZodType>(body: string, schema: S, opts: { token?: string } = {}): Promise<TxnAnswer<z.output<S>>> {
    const path = consulPath("txn");
    try {
      const res = await this.transport.send({ method: "PUT", path, body, token: opts.token });
      return { applied: true, data: parseJson(path, res.body, schema, { lossless: true }) };
    } catch (err) {
      if (err instanceof ConsulError && err.kind === "http" && err.status === 409) {
        return { applied: false, data: parseJson(path, Buffer.from(err.message), schema, { lossless: true }) };
      }
      throw err;
    }
  }

  /**
   * One round of a blocking query. The caller loops, passing `nextIndex` back;
   * a return is not proof of change, so callers compare payloads.
   */
  async blockingJson<S extends z.ZodType>(
    path: string,
    schema: S,
    opts: BlockingOptions & { query?: Record<string, QueryValue> } = {},
  ): Promise<BlockingResult<z.output<S>>> {
    const index = opts.index ?? "0";
    const waitMs = Math.min(opts.waitMs ?? 60_000, 600_000);
    const blocking = index !== "0";
    const result = await this.getJson(path, schema, {
      ...opts,
      query: { ...opts.query, index: blocking ? index : undefined, wait: blocking ? `${Math.ceil(waitMs / 1000)}s` : undefined },
      // The first (non-blocking) read of a watch gets the short deadline: a silent Consul shows within seconds.
      timeoutMs: opts.timeoutMs ?? (blocking ? blockingTimeoutMs(waitMs) : undefined),
      blocking,
      probe: true,
    });
    return { ...result, nextIndex: nextBlockingIndex(index, result.meta.index) };
  }
}

/** The one parser of Consul's JSON: validated with zod, numbers optionally kept as decimal strings. */
export function parseJson<S extends z.ZodType>(path: string, body: Buffer, schema: S, opts: { lossless?: boolean } = {}): z.output<S> {
  let raw: unknown;
  try {
    const text = body.toString("utf8");
    raw = opts.lossless ? parseLossless(text, null, (n: string) => n) : JSON.parse(text);
  } catch (err) {
    throw new ConsulError("parse", `Consul's answer to ${path} is not JSON`, undefined, path, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new ConsulError("parse", `Unexpected answer from ${path}${where}: ${issue?.message ?? "invalid"}`, undefined, path, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
