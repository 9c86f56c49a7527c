import "server-only";
import { getConsulClient } from "./consul";
import { isConsulError } from "./consul/errors";
import { readLeader } from "./consul/health";
import { getWatchRegistry } from "./wiring";

export type Readiness =
  | { ready: true; consul: string; watch: { status: string; lastUpdate: string | null } }
  | { ready: false; reason: "consul_unreachable" | "consul_error" | "no_leader" | "watch_not_ready"; message: string };

/** How long a probe waits for Consul or for the first watch round; probes usually time out at 1–5 s. */
const PROBE_MS = 2_000;

/**
 * Ready = Consul answers (and has a leader) and the local datacenter's watch has data,
 * so a screen opened now shows live health. A load balancer sends traffic elsewhere otherwise.
 */
export async function readiness(): Promise<Readiness> {
  const client = getConsulClient();
  try {
    const leader = await readLeader(client, { timeoutMs: PROBE_MS });
    if (!leader) return { ready: false, reason: "no_leader", message: "Consul answers but reports no leader" };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (isConsulError(err) && (err.kind === "network" || err.kind === "timeout")) return { ready: false, reason: "consul_unreachable", message };
    return { ready: false, reason: "consul_error", message };
  }
  // Leased only for the probe: with DASHBOARD_WATCH_WARM (the default) the watch already runs.
  const lease = getWatchRegistry().acquire(undefined);
  try {
    const { watch } = lease;
    if (!(await watch.waitForData(PROBE_MS)) || (watch.state.status !== "live" && watch.state.status !== "no-leader")) {
      return {
        ready: false,
        reason: "watch_not_ready",
        message: watch.state.message ?? `The local datacenter's watch is ${watch.state.status}; it has no live data yet`,
      };
    }
    return { ready: true, consul: client.baseUrl, watch: { status: watch.state.status, lastUpdate: watch.state.lastUpdate } };
  } finally {
    lease.release();
  }
}
