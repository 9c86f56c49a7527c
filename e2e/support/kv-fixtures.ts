import type { SeedKv } from "../../scripts/consul/seed-api";
import { test as base } from "./fixtures";

/** The shared fixtures plus direct KV access to the worker's agent. */
export const test = base.extend<object, { kv: SeedKv }>({
  kv: [async ({ consul }, use) => use(consul.kv), { scope: "worker" }],
});

export { expect, uniq } from "./fixtures";
