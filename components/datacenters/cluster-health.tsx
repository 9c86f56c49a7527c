import type { ClusterHealth } from "@/lib/api/estate";

/** Consul's own servers in one datacenter: autopilot's verdict, the leader, failure tolerance; or why it cannot be read. */
export function ClusterHealthCell({ cluster }: { cluster: ClusterHealth }) {
  switch (cluster.status) {
    case "pending":
      return <span className="text-muted">Reading…</span>;
    case "forbidden":
      return (
        <span className="text-fg-soft" data-testid="cluster-forbidden">
          Not shown: the token lacks <code>operator:read</code>.
          <span className="block text-xs text-muted">{cluster.message}</span>
        </span>
      );
    case "error":
      return <span className="text-status-down">Cannot read: {cluster.message}</span>;
    default:
      return (
        <span data-testid="cluster-health">
          <strong className={cluster.healthy ? "text-status-ok" : "text-status-down"}>
            <span aria-hidden="true">{cluster.healthy ? "● " : "■ "}</span>
            {cluster.healthy ? "Servers healthy" : "Servers unhealthy"}
          </strong>
          <span className="block text-xs text-muted">
            {cluster.servers.length} server{cluster.servers.length === 1 ? "" : "s"}, leader {cluster.leader ?? "none"}, failure tolerance {cluster.failureTolerance ?? "?"}
          </span>
          <ul className="text-xs text-muted" aria-label="Servers">
            {cluster.servers.map((s) => (
              <li key={s.id}>
                {s.name} <code>{s.address}</code>
                {s.leader ? " (leader)" : ""}
                {s.healthy === false ? " — unhealthy" : ""}
                {s.serfStatus && s.serfStatus !== "alive" ? ` — ${s.serfStatus}` : ""}
              </li>
            ))}
          </ul>
        </span>
      );
  }
}
