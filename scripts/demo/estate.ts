import type { Schedule } from "./schedule";

/**
 * The demo estate as data: a small e-commerce platform over synthetic nodes.
 * Synthetic nodes live only in the catalog (their checks never run), so their
 * statuses are whatever we write; the flipper in flapping.ts changes some on a schedule.
 */

export type Status = "passing" | "warning" | "critical";

export interface DemoCheck {
  id: string;
  name: string;
  status: Status;
  output: string;
  /** Absent for a node-level check. */
  serviceId?: string;
}

export interface DemoNode {
  name: string;
  address: string;
  meta: Record<string, string>;
  checks: DemoCheck[];
}

export interface DemoInstance {
  id: string;
  service: string;
  node: string;
  port: number;
  tags: string[];
  meta: Record<string, string>;
  checks: DemoCheck[];
}

/** A catalog check that goes `status` with `output` during its schedule's outages. */
export interface CatalogFlap {
  node: string;
  checkId: string;
  status: Exclude<Status, "passing">;
  output: string;
  schedule: Schedule;
}

const zoneOf = { a: "eu-west-1a", b: "eu-west-1b", c: "eu-west-1c" } as const;

function node(name: string, address: string, role: string, zone: keyof typeof zoneOf, disk: DemoCheck): DemoNode {
  return { name, address, meta: { role, zone: zoneOf[zone], os: "debian-12" }, checks: [disk] };
}

function disk(status: Status, output: string): DemoCheck {
  return { id: "disk-space", name: "Disk space", status, output };
}

/** The node that fails as a whole: every instance on it is unhealthy. */
export const FAILING_NODE = "app-eu1-c-02";

export const DEMO_NODES: DemoNode[] = [
  node("edge-eu1-a-01", "10.20.1.11", "edge", "a", disk("passing", "/ 38% used (49.6 GiB free)")),
  node("app-eu1-a-01", "10.20.1.21", "app", "a", disk("passing", "/ 52% used (38.4 GiB free)")),
  node("app-eu1-b-01", "10.20.2.21", "app", "b", disk("passing", "/ 47% used (42.4 GiB free)")),
  node("app-eu1-c-01", "10.20.3.21", "app", "c", disk("passing", "/ 61% used (31.2 GiB free)")),
  node(FAILING_NODE, "10.20.3.22", "app", "c", disk("critical", "/var 98% used (1.6 GiB free of 80 GiB): log volume full")),
  node("data-eu1-a-01", "10.20.1.31", "data", "a", disk("passing", "/var/lib 71% used (145 GiB free)")),
  node("data-eu1-b-01", "10.20.2.31", "data", "b", disk("passing", "/var/lib 69% used (155 GiB free)")),
  node("data-eu1-c-01", "10.20.3.31", "data", "c", disk("passing", "/var/lib 66% used (170 GiB free)")),
];

type Probe = "http" | "tcp" | "none";

interface ServiceSpec {
  name: string;
  port: number;
  version: string;
  tags: string[];
  probe: Probe;
  nodes: string[];
}

const S = (name: string, port: number, version: string, tags: string[], probe: Probe, nodes: string[]): ServiceSpec => ({
  name,
  port,
  version,
  tags,
  probe,
  nodes,
});

const A1 = "app-eu1-a-01";
const B1 = "app-eu1-b-01";
const C1 = "app-eu1-c-01";
const C2 = FAILING_NODE;
const EDGE = "edge-eu1-a-01";
const DA = "data-eu1-a-01";
const DB = "data-eu1-b-01";
const DC = "data-eu1-c-01";

const SERVICES: ServiceSpec[] = [
  S("web-frontend", 8080, "5.12.0", ["http", "public"], "http", [EDGE, B1]),
  S("api-gateway", 8443, "3.4.2", ["http", "public", "envoy"], "http", [EDGE, A1]),
  S("auth", 9000, "2.7.1", ["http", "grpc"], "http", [A1, B1, C1]),
  S("payments", 9100, "2.14.1", ["http", "pci"], "http", [A1, B1, C2]),
  S("checkout", 9200, "4.0.3", ["http"], "http", [A1, C1, C2]),
  S("cart", 9300, "1.9.0", ["http"], "http", [B1, C1]),
  S("catalog", 9400, "6.2.0", ["http", "cache"], "http", [A1, B1, C1]),
  S("search", 9500, "8.11.3", ["http", "opensearch"], "http", [B1, C1]),
  S("inventory", 9600, "3.3.0", ["http"], "http", [A1, C2]),
  S("orders", 9700, "2.21.4", ["http", "grpc"], "http", [B1, C1]),
  S("notifications", 9800, "1.4.2", ["worker", "email", "sms"], "http", [A1, B1]),
  S("postgres", 5432, "16.4", ["sql"], "tcp", [DA, DB]),
  S("redis", 6379, "7.4.1", ["cache"], "tcp", [DA, DB]),
  S("kafka", 9092, "3.8.0", ["broker"], "tcp", [DA, DB, DC]),
  // A pilot running only on the failing node: the one service that is fully DOWN.
  S("recommendations", 9900, "0.9.4", ["http", "ml", "pilot"], "http", [C2]),
  S("static-assets", 8081, "2024.11.0", ["http", "cdn-origin"], "none", [EDGE]),
];

function addressOf(nodeName: string): string {
  const n = DEMO_NODES.find((x) => x.name === nodeName);
  if (!n) throw new Error(`estate: unknown node ${nodeName}`);
  return n.address;
}

function serviceCheck(spec: ServiceSpec, id: string, nodeName: string): DemoCheck {
  const addr = `${addressOf(nodeName)}:${spec.port}`;
  return spec.probe === "http"
    ? { id: `${id}-http`, name: "HTTP /health", status: "passing", output: `HTTP GET http://${addr}/health: 200 OK Output: ok`, serviceId: id }
    : { id: `${id}-tcp`, name: `TCP ${spec.port}`, status: "passing", output: `TCP connect ${addr}: Success`, serviceId: id };
}

/** Every synthetic instance, with deliberate quirks: a canary, a replica, a warning that stays. */
export function demoInstances(): DemoInstance[] {
  const out: DemoInstance[] = [];
  for (const spec of SERVICES) {
    spec.nodes.forEach((nodeName, i) => {
      const id = `${spec.name}-${i + 1}`;
      const zone = DEMO_NODES.find((n) => n.name === nodeName)?.meta.zone ?? "";
      const inst: DemoInstance = {
        id,
        service: spec.name,
        node: nodeName,
        port: spec.port,
        tags: [...spec.tags],
        meta: { version: spec.version, zone },
        checks: spec.probe === "none" ? [] : [serviceCheck(spec, id, nodeName)],
      };
      out.push(inst);
    });
  }
  // Believable texture, not random: a canary, a primary/replica pair, a queue that is behind.
  const tweak = (id: string, f: (i: DemoInstance) => void) => {
    const inst = out.find((i) => i.id === id);
    if (!inst) throw new Error(`estate: unknown instance ${id}`);
    f(inst);
  };
  tweak("payments-2", (i) => {
    i.tags.push("canary");
    i.meta.version = "2.15.0-rc.1";
  });
  tweak("postgres-1", (i) => i.tags.push("primary"));
  tweak("postgres-2", (i) => {
    i.tags.push("replica");
    i.checks.push({ id: "postgres-2-replication", name: "Replication lag", status: "passing", output: "replay lag 0.4 s", serviceId: i.id });
  });
  tweak("notifications-2", (i) => {
    const c = i.checks[0];
    if (c) Object.assign(c, { status: "warning", output: "HTTP GET http://10.20.2.21:9800/health: 429 Too Many Requests Output: sms queue lag 1240 messages" });
  });
  return out;
}

/** Catalog checks that flip on a staggered rotation: one goes bad every 30 s, a different one each time. */
export function catalogFlaps(): CatalogFlap[] {
  const flaps: Omit<CatalogFlap, "schedule">[] = [
    { node: C1, checkId: "cart-2-http", status: "critical", output: "HTTP GET http://10.20.3.21:9300/health: 503 Service Unavailable Output: upstream redis timeout" },
    { node: B1, checkId: "catalog-2-http", status: "warning", output: "HTTP GET http://10.20.2.21:9400/health: 429 Too Many Requests Output: cache warming, 61% loaded" },
    { node: C1, checkId: "orders-2-http", status: "critical", output: "Get \"http://10.20.3.21:9700/health\": dial tcp 10.20.3.21:9700: connect: connection refused" },
    { node: DB, checkId: "postgres-2-replication", status: "warning", output: "replay lag 42.7 s (threshold 30 s)" },
    { node: A1, checkId: "auth-1-http", status: "critical", output: "HTTP GET http://10.20.1.21:9000/health: 500 Internal Server Error Output: jwks fetch failed" },
  ];
  return flaps.map((f, i) => ({ ...f, schedule: { firstDownMs: 20_000 + i * 30_000, periodMs: flaps.length * 30_000, downMs: 20_000 } }));
}

/** Services registered on the agent's own node, with checks the agent really runs. */
export interface AgentServiceSpec {
  id: string;
  service: string;
  port: number;
  tags: string[];
  version: string;
  check: "http" | "tcp";
  /** When its demo server fails: HTTP answers `failStatus`, TCP stops listening. */
  schedule?: Schedule;
  failStatus?: number;
  maintenance?: string;
}

export const AGENT_SERVICES: AgentServiceSpec[] = [
  {
    id: "web-frontend-local",
    service: "web-frontend",
    port: 8080,
    tags: ["http", "public", "local"],
    version: "5.13.0-dev",
    check: "http",
    schedule: { firstDownMs: 15_000, periodMs: 60_000, downMs: 20_000 },
    failStatus: 500,
  },
  {
    id: "api-gateway-local",
    service: "api-gateway",
    port: 8443,
    tags: ["http", "local"],
    version: "3.5.0-dev",
    check: "http",
    schedule: { firstDownMs: 40_000, periodMs: 90_000, downMs: 25_000 },
    // Consul maps 429 to warning: a degraded, not dead, gateway.
    failStatus: 429,
  },
  {
    id: "redis-local",
    service: "redis",
    port: 6379,
    tags: ["cache", "local"],
    version: "7.4.1",
    check: "tcp",
    schedule: { firstDownMs: 25_000, periodMs: 70_000, downMs: 20_000 },
  },
  {
    id: "search-local",
    service: "search",
    port: 9500,
    tags: ["http", "local"],
    version: "8.12.0-dev",
    check: "http",
    maintenance: "Reindexing the product catalogue (demo)",
  },
];

export interface EstateCounts {
  services: number;
  nodes: number;
  instances: number;
}

/** Totals including the agent's own node and its services. */
export function estateCounts(): EstateCounts {
  const instances = demoInstances();
  const services = new Set([...instances.map((i) => i.service), ...AGENT_SERVICES.map((a) => a.service)]);
  return { services: services.size, nodes: DEMO_NODES.length + 1, instances: instances.length + AGENT_SERVICES.length };
}
