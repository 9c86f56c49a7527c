import "server-only";
import { getConfig } from "../config";
import { ConsulClient } from "./client";

let client: ConsulClient | undefined;

/** The process-wide Consul client, configured from the environment. */
export function getConsulClient(): ConsulClient {
  client ??= new ConsulClient(getConfig());
  return client;
}
