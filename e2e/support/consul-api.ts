/**
 * Test-side writes into a real Consul agent: the scenarios each spec registers.
 * (The dashboard reads through its own client; tests drive Consul directly.)
 */

export type Status = "passing" | "warning" | "critical";

export interface CheckSpec {
  id: string;
  name?: string;
  status: Status;
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

export class ConsulApi {
  constructor(
    readonly url: string,
    private readonly token?: string,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: this.token ? { "x-consul-token": this.token } : {},
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res;
  }

  /** Registers a synthetic node (address 10.0.0.x style) in the catalog. */
  async registerNode(node: string, address = "192.0.2.10"): Promise<void> {
    await this.call("PUT", "/v1/catalog/register", { Node: node, Address: address });
  }

  async registerInstance(inst: InstanceSpec, checks: CheckSpec[] = []): Promise<void> {
    await this.call("PUT", "/v1/catalog/register", {
      Node: inst.node,
      Address: inst.address ?? "192.0.2.10",
      Service: { ID: inst.id, Service: inst.service, Port: inst.port ?? 8080, Tags: inst.tags ?? [] },
      Checks: checks.map((c) => toCheck(inst.node, { serviceId: inst.id, ...c })),
    });
  }

  /** Sets (creates or updates) a check on a synthetic node. */
  async setCheck(node: string, check: CheckSpec): Promise<void> {
    await this.call("PUT", "/v1/catalog/register", { Node: node, Address: "192.0.2.10", Check: toCheck(node, check) });
  }

  async deregisterNode(node: string): Promise<void> {
    await this.call("PUT", "/v1/catalog/deregister", { Node: node });
  }
}

function toCheck(node: string, c: CheckSpec) {
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
