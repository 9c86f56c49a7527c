/**
 * Writes test data into a real Consul agent: the one door for unit tests, e2e specs, the
 * benchmarks and the demo. The dashboard reads through its own client (lib/server/consul);
 * this side drives Consul directly, as an operator's tools would. Consul's error text is kept
 * verbatim in every failure.
 */

/** Consul's /v1/txn accepts at most this many operations. */
export const TXN_MAX_OPS = 128;

export type CheckStatus = "passing" | "warning" | "critical";

export interface CheckSpec {
  id: string;
  /** Defaults to the id. */
  name?: string;
  status: CheckStatus;
  /** Omit for a node-level check. */
  serviceId?: string;
  output?: string;
  notes?: string;
}

export interface InstanceSpec {
  node: string;
  id: string;
  service: string;
  port?: number;
  tags?: string[];
  address?: string;
}

/** A check as Consul's catalog and txn endpoints take it. */
export interface ConsulCheckBody {
  Node?: string;
  CheckID: string;
  Name: string;
  Status?: CheckStatus;
  ServiceID?: string;
  Output?: string;
  Notes?: string;
}

export interface ConsulServiceBody {
  ID?: string;
  Service: string;
  Port?: number;
  Tags?: string[];
  Meta?: Record<string, string>;
}

/** The body of PUT /v1/catalog/register. */
export interface CatalogRegistration {
  Node: string;
  Address?: string;
  /** Leaves the node's address and meta alone (then Address may be omitted). */
  SkipNodeUpdate?: boolean;
  Service?: ConsulServiceBody;
  Check?: ConsulCheckBody;
  Checks?: ConsulCheckBody[];
}

/** The body of PUT /v1/agent/service/register: a service whose check the agent really runs. */
export interface AgentServiceRegistration {
  ID: string;
  Name: string;
  Port: number;
  Tags: string[];
  Meta: Record<string, string>;
  Check: { CheckID: string; Name: string; Interval: string; Timeout: string; HTTP?: string; TCP?: string };
}

export type TxnOp =
  | { KV: { Verb: "set" | "get"; Key: string; Value?: string } }
  | { Node: { Verb: "set"; Node: { Node: string; Address: string; Meta?: Record<string, string> } } }
  | { Service: { Verb: "set"; Node: string; Service: ConsulServiceBody } }
  | { Check: { Verb: "set"; Check: ConsulCheckBody } };

export interface KvEntry {
  Key: string;
  /** Base64, or null for an empty value. */
  Value: string | null;
  ModifyIndex: number;
  Flags: number;
  Session?: string;
}

/** A check spec as Consul's JSON: empty service ID, output and notes when not given. */
function toConsulCheck(node: string, c: CheckSpec): Required<ConsulCheckBody> {
  return {
    Node: node,
    CheckID: c.id,
    Name: c.name ?? c.id,
    Status: c.status,
    ServiceID: c.serviceId ?? "",
    Output: c.output ?? "",
    Notes: c.notes ?? "",
  };
}

/** Transaction operations, for batches of catalog or KV writes. */
export const txnOp = {
  setNode: (node: string, address: string, meta?: Record<string, string>): TxnOp => ({
    Node: { Verb: "set", Node: { Node: node, Address: address, ...(meta ? { Meta: meta } : {}) } },
  }),
  setService: (node: string, service: ConsulServiceBody): TxnOp => ({ Service: { Verb: "set", Node: node, Service: service } }),
  setCheck: (node: string, check: CheckSpec): TxnOp => ({ Check: { Verb: "set", Check: toConsulCheck(node, check) } }),
  setKv: (key: string, value: string | Uint8Array): TxnOp => ({ KV: { Verb: "set", Key: key, Value: Buffer.from(value).toString("base64") } }),
  getKv: (key: string): TxnOp => ({ KV: { Verb: "get", Key: key } }),
};

export function chunk<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new Error(`chunk size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A KV key as a URL path: each segment encoded, slashes kept (spaces and unicode must survive). */
export function kvPath(key: string): string {
  return `/v1/kv/${key.split("/").map(encodeURIComponent).join("/")}`;
}

type Body = string | Uint8Array | object;
type Request = (method: string, path: string, body?: Body, okStatuses?: number[]) => Promise<Response>;

function requester(url: string, token: string | undefined): Request {
  return async (method, path, body, okStatuses = []) => {
    const payload = body === undefined ? undefined : typeof body === "string" ? body : body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body);
    const res = await fetch(`${url}${path}`, {
      method,
      headers: token ? { "x-consul-token": token } : {},
      body: payload,
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok && !okStatuses.includes(res.status)) throw new Error(`Consul ${method} ${path} → ${res.status}: ${(await res.text()).trim()}`);
    return res;
  };
}

export class SeedApi {
  /** KV reads and writes on the same agent, with the same token. */
  readonly kv: SeedKv;
  private readonly request: Request;

  constructor(url: string, token?: string) {
    this.request = requester(url, token);
    this.kv = new SeedKv(url, this.request);
  }

  /** PUT /v1/catalog/register as given: synthetic nodes, services and checks of any status. */
  async catalogRegister(body: CatalogRegistration): Promise<void> {
    await this.request("PUT", "/v1/catalog/register", body);
  }

  /** One instance on a synthetic node (address 192.0.2.10 unless given), with its checks. */
  async registerInstance(inst: InstanceSpec, checks: CheckSpec[] = []): Promise<void> {
    await this.catalogRegister({
      Node: inst.node,
      Address: inst.address ?? "192.0.2.10",
      Service: { ID: inst.id, Service: inst.service, Port: inst.port ?? 8080, Tags: inst.tags ?? [] },
      Checks: checks.map((c) => toConsulCheck(inst.node, { serviceId: inst.id, ...c })),
    });
  }

  /** Sets (creates or updates) a check, registering its node at 192.0.2.10 if need be. */
  async setCheck(node: string, check: CheckSpec): Promise<void> {
    await this.catalogRegister({ Node: node, Address: "192.0.2.10", Check: toConsulCheck(node, check) });
  }

  /** Sets a check of a node already registered, leaving the node's address and meta alone. */
  async updateCheck(node: string, check: CheckSpec, address?: string): Promise<void> {
    await this.catalogRegister({ Node: node, ...(address === undefined ? {} : { Address: address }), SkipNodeUpdate: true, Check: toConsulCheck(node, check) });
  }

  async deregisterNode(node: string): Promise<void> {
    await this.request("PUT", "/v1/catalog/deregister", { Node: node });
  }

  /** One atomic transaction; refuses more operations than Consul takes. */
  private async txn(ops: TxnOp[]): Promise<void> {
    if (ops.length > TXN_MAX_OPS) throw new Error(`a Consul transaction takes at most ${TXN_MAX_OPS} operations, got ${ops.length}`);
    await this.request("PUT", "/v1/txn", ops);
  }

  /**
   * Runs `ops` in transactions of at most 128 operations. With concurrency 1 the batches run
   * in order, so a later batch may use what an earlier one registered.
   */
  async txnBatches(ops: TxnOp[], concurrency = 1): Promise<void> {
    const queue = chunk(ops, TXN_MAX_OPS);
    const worker = async () => {
      for (let b = queue.shift(); b; b = queue.shift()) await this.txn(b);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** An agent service with a real HTTP or TCP check. */
  async registerAgentService(body: AgentServiceRegistration): Promise<void> {
    await this.request("PUT", "/v1/agent/service/register", body);
  }

  /** Puts one agent service into maintenance (a critical `_service_maintenance:<id>` check). */
  async enableServiceMaintenance(serviceId: string, reason: string): Promise<void> {
    const q = new URLSearchParams({ enable: "true", reason });
    await this.request("PUT", `/v1/agent/service/maintenance/${encodeURIComponent(serviceId)}?${q}`);
  }

  /** A lock session (for KV acquire); returns its ID. */
  async createSession(name: string, ttl: string): Promise<string> {
    const res = await this.request("PUT", "/v1/session/create", { Name: name, TTL: ttl });
    return ((await res.json()) as { ID: string }).ID;
  }

  async createAclPolicy(name: string, rules: string): Promise<void> {
    await this.request("PUT", "/v1/acl/policy", { Name: name, Rules: rules });
  }

  async createAclToken(description: string, policyNames: string[]): Promise<{ SecretID: string; AccessorID: string }> {
    const res = await this.request("PUT", "/v1/acl/token", { Description: description, Policies: policyNames.map((Name) => ({ Name })) });
    return (await res.json()) as { SecretID: string; AccessorID: string };
  }
}

export class SeedKv {
  constructor(
    readonly url: string,
    private readonly request: Request,
  ) {}

  /** Writes raw bytes (binary stays binary); Consul must answer `true` (an `acquire` may not). */
  async put(key: string, value: string | Uint8Array, opts: { flags?: number | string; acquire?: string } = {}): Promise<void> {
    const q = new URLSearchParams();
    if (opts.flags !== undefined) q.set("flags", String(opts.flags));
    if (opts.acquire !== undefined) q.set("acquire", opts.acquire);
    const query = q.toString();
    const path = query ? `${kvPath(key)}?${query}` : kvPath(key);
    const text = await (await this.request("PUT", path, value)).text();
    if (text.trim() !== "true") throw new Error(`Consul PUT ${path} → ${text}`);
  }

  /** Writes many keys fast, 128 per transaction (through /v1/txn, so any key works). */
  async putMany(entries: { key: string; value: string }[]): Promise<void> {
    for (const batch of chunk(entries, TXN_MAX_OPS)) await this.request("PUT", "/v1/txn", batch.map((e) => txnOp.setKv(e.key, e.value)));
  }

  /** The entry at `key`, or null when absent (through /v1/txn, so any key works). */
  async entry(key: string): Promise<KvEntry | null> {
    const res = await this.request("PUT", "/v1/txn", [txnOp.getKv(key)], [409]);
    if (res.status === 409) return null;
    const body = (await res.json()) as { Results: { KV: KvEntry }[] };
    return body.Results[0]?.KV ?? null;
  }

  /** The exact bytes stored, or null when the key is absent. */
  async raw(key: string): Promise<Buffer | null> {
    const e = await this.entry(key);
    return e ? Buffer.from(e.Value ?? "", "base64") : null;
  }

  async text(key: string): Promise<string | null> {
    return (await this.raw(key))?.toString("utf8") ?? null;
  }

  /** Every key under `prefix`; empty when there are none. */
  async keys(prefix: string): Promise<string[]> {
    const res = await this.request("GET", `${kvPath(prefix)}?keys`, undefined, [404]);
    return res.status === 404 ? [] : ((await res.json()) as string[]);
  }

  async delete(key: string): Promise<void> {
    await this.request("DELETE", kvPath(key));
  }
}
