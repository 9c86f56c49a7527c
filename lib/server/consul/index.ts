import "server-only";
import { getConfig } from "../config";
import { ConsulClient } from "./client";

// On globalThis so every route bundle of the Next.js server shares one client, and so one
// pair of capped connection pools (a client per bundle would multiply the cap).
const KEY = Symbol.for("consul-dashboard.consul-client");
type WithClient = typeof globalThis & { [KEY]?: ConsulClient };

/** The process-wide Consul client, configured from the environment. */
export function getConsulClient(): ConsulClient {
  const g = globalThis as WithClient;
  g[KEY] ??= new ConsulClient(getConfig());
  return g[KEY];
}
