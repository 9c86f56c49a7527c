import { test as base } from "./fixtures";
import { ConsulKv } from "./consul-kv";

/** The shared fixtures plus direct KV access to the worker's agent. */
export const test = base.extend<object, { kv: ConsulKv }>({
  kv: [async ({ agent }, use) => use(new ConsulKv(agent.url)), { scope: "worker" }],
});

export { expect, uniq } from "./fixtures";
