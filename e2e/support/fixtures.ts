import { test as base } from "@playwright/test";
import { startAppServer, type AppServer, type AppServerOptions } from "../../scripts/app/app-server";
import { startDevAgent, type DevAgent, type DevAgentOptions } from "../../scripts/consul/dev-agent";
import { SeedApi } from "../../scripts/consul/seed-api";
import { withCspGuard } from "./csp-guard";

interface WorkerFixtures {
  /** A real Consul dev agent on free loopback ports, one per worker. */
  agent: DevAgent;
  /** The built dashboard, pointed at `agent`. */
  app: AppServer;
  /** Writes test data into `agent`. */
  consul: SeedApi;
}

interface TestFixtures {
  /**
   * Starts agents and dashboards of the test's own (for specs that kill or restart
   * them); every one started is stopped when the test ends, restarted ones included.
   */
  launch: { agent(opts?: DevAgentOptions): Promise<DevAgent>; app(opts: AppServerOptions): Promise<AppServer> };
}

// withCspGuard: every test fails on a Content-Security-Policy violation in any page it opens (csp-guard.ts).
export const test = withCspGuard(base).extend<TestFixtures, WorkerFixtures>({
  launch: async ({}, use) => {
    const started: { stop(): Promise<void> }[] = [];
    const track = async <T extends { stop(): Promise<void> }>(p: Promise<T>): Promise<T> => {
      const proc = await p;
      started.push(proc);
      return proc;
    };
    await use({ agent: (opts) => track(startDevAgent(opts)), app: (opts) => track(startAppServer(opts)) });
    // Dashboards first, so none logs a needless outage while its agent goes.
    for (const proc of started.reverse()) await proc.stop();
  },
  // Pages open the worker's own dashboard.
  baseURL: async ({ app }, use) => use(app.url),
  agent: [
    async ({}, use) => {
      const agent = await startDevAgent();
      await use(agent);
      await agent.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  app: [
    async ({ agent }, use) => {
      // The worker's agent has no ACLs, so nobody could sign in: specs that edit KV run as "anyone".
      const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: agent.url, DASHBOARD_WRITES: "anyone" } });
      await use(app);
      await app.stop();
    },
    { scope: "worker", timeout: 60_000 },
  ],
  consul: [async ({ agent }, use) => use(new SeedApi(agent.url)), { scope: "worker" }],
});

export { expect } from "@playwright/test";

/** A name unique to this run, so specs sharing an agent never see each other's services. */
export function uniq(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
