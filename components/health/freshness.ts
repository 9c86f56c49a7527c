import type { WatchState } from "@/lib/api/live";
import type { ConnectionState } from "./queries";

export interface Freshness {
  live: boolean;
  /** Why the data is not live: shown in the banner. */
  problem: { title: string; since: string; detail: string | null } | null;
}

/**
 * One verdict from the two things that can go stale: the browser's stream to the
 * dashboard, and the dashboard's watch of Consul. The browser's link is checked first:
 * when it is down, the watch state it last heard is itself stale.
 */
export function freshness(conn: ConnectionState | undefined, watch: WatchState | undefined): Freshness {
  if (!conn || conn.status === "connecting") {
    return { live: false, problem: { title: "Connecting to live updates…", since: conn?.since ?? new Date().toISOString(), detail: null } };
  }
  if (conn.status === "dropped") {
    return {
      live: false,
      problem: {
        title: "Live updates lost: the dashboard server is not reachable",
        since: conn.since,
        detail: "Reconnecting automatically. What is shown is the last data received and may be out of date.",
      },
    };
  }
  if (!watch) return { live: false, problem: { title: "Waiting for Consul…", since: conn.since, detail: null } };
  switch (watch.status) {
    case "live":
      return { live: true, problem: null };
    case "starting":
      return { live: false, problem: { title: "Waiting for Consul's first answer…", since: watch.since, detail: null } };
    case "unreachable":
      return { live: false, problem: { title: "Consul is unreachable", since: watch.since, detail: watch.message } };
    case "no-leader":
      return { live: false, problem: { title: "Consul has no leader", since: watch.since, detail: watch.message } };
    case "forbidden":
      return {
        live: false,
        problem: {
          title: "Consul denied access (403)",
          since: watch.since,
          detail: `${watch.message ?? ""} The dashboard's token needs node:read and service:read on every node and service (node_prefix "" and service_prefix "" with policy "read").`,
        },
      };
    case "error":
      return { live: false, problem: { title: "Consul answered with an error", since: watch.since, detail: watch.message } };
  }
}
