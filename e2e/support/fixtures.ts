import { test as base } from "@playwright/test";
import { startAppServer, type AppServer } from "../../scripts/app/app-server";
import { startDevAgent, type DevAgent } from "../../scripts/consul/dev-agent";
import { ConsulApi } from "./consul-api";

interface WorkerFixtures {
  /** A real Consul dev agent on free loopback ports, one per worker. */
  agent: DevAgent;
  /** The built dashboard, pointed at `agent`. */
  app: AppServer;
  consul: ConsulApi;
}

export const test = base.extend<object, WorkerFixtures>({
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
      const app = await startAppServer({ env: { CONSUL_HTTP_ADDR: agent.url } });
      await use(app);
      await app.stop();
    },
    { scope: "worker", timeout: 60_000 },
  ],
  consul: [async ({ agent }, use) => use(new ConsulApi(agent.url)), { scope: "worker" }],
});

export { expect } from "@playwright/test";

/** A name unique to this run, so specs sharing an agent never see each other's services. */
export function uniq(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
