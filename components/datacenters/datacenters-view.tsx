"use client";

import Link from "next/link";
import { FreshnessBanner } from "@/components/health/freshness-banner";
import { AclNotice } from "@/components/estate/acl-notice";
import { useEstate } from "@/components/estate/use-estate";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DatacenterRow } from "@/lib/api/estate";
import { ClusterHealthCell } from "./cluster-health";

const q = (dc: string) => `?dc=${encodeURIComponent(dc)}`;

function Reachability({ row }: { row: DatacenterRow }) {
  const s = row.state;
  if (s.status === "live" || s.status === "no-leader")
    return (
      <span className="font-semibold text-status-ok" data-reachable="true">
        <span aria-hidden="true">● </span>Reachable
      </span>
    );
  if (s.status === "starting") return <span className="text-muted">Connecting…</span>;
  const label = s.status === "forbidden" ? "Access denied (403)" : "Unreachable";
  return (
    <span className="text-status-down" data-reachable="false">
      <strong>
        <span aria-hidden="true">■ </span>
        {label}
      </strong>{" "}
      <span className="text-xs">
        (since <RelativeTime iso={s.since} suffix=" ago" />)
      </span>
      {s.message && <span className="block text-xs break-words text-fg-soft">{s.message}</span>}
    </span>
  );
}

function Leader({ row }: { row: DatacenterRow }) {
  const s = row.state;
  if (s.status === "no-leader") return <strong className="text-status-down">No leader</strong>;
  if (s.status !== "live") return <span className="text-muted">Unknown</span>;
  return <span>Known{s.lastContactMs !== null ? ` · last contact ${s.lastContactMs} ms` : ""}</span>;
}

/** Every datacenter at once, live: reachability, leader, service counts, failing nodes, Consul's servers, and every problem. */
export function DatacentersView() {
  const { estate, conn } = useEstate();
  const dropped = conn?.status === "dropped";
  const fresh = dropped
    ? { live: false, problem: { title: "Live updates lost: the dashboard server is not reachable", since: conn.since, detail: "Reconnecting automatically." } }
    : { live: true, problem: null };
  const filtered = estate?.datacenters.some((d) => d.state.filteredByAcls);
  return (
    <main className="mx-auto max-w-7xl space-y-4 p-6">
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <h1 className="text-2xl font-bold">Datacenters</h1>
        <p className="text-sm text-fg-soft">{estate ? `${estate.datacenters.length} datacenters · ${estate.problems.length} problem services` : "Loading…"}</p>
      </header>
      {estate && <FreshnessBanner fresh={fresh} watch={undefined} />}
      {estate?.listProblem && (
        <p role="alert" className="rounded border border-status-down bg-danger-soft p-3 text-sm text-status-down">
          {estate.listProblem}
        </p>
      )}
      <AclNotice filtered={filtered} />
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Datacenters">
          <thead>
            <tr className="border-b border-line-strong text-left text-muted">
              <th scope="col" className="py-2 pr-3">Datacenter</th>
              <th scope="col" className="py-2 pr-3">Reachable</th>
              <th scope="col" className="py-2 pr-3">Leader</th>
              <th scope="col" className="py-2 pr-3">Services</th>
              <th scope="col" className="py-2 pr-3">Failing nodes</th>
              <th scope="col" className="py-2">Consul servers</th>
            </tr>
          </thead>
          <tbody>
            {estate?.datacenters.map((d) => (
              <tr key={d.name} data-dc={d.name} className="border-b border-line align-top">
                <th scope="row" className="py-2 pr-3 text-left">
                  <Link className="font-semibold underline" href={`/${q(d.name)}`}>
                    {d.name}
                  </Link>
                  <span className="block text-xs font-normal">
                    <Link className="underline" href={`/nodes${q(d.name)}`}>
                      nodes
                    </Link>
                  </span>
                </th>
                <td className="py-2 pr-3" data-testid="dc-reachable">
                  <Reachability row={d} />
                </td>
                <td className="py-2 pr-3" data-testid="dc-leader">
                  <Leader row={d} />
                </td>
                <td className="py-2 pr-3 tabular-nums" data-testid="dc-totals">
                  {d.ready ? (
                    <>
                      <span data-testid="dc-ok">{d.totals.OK}</span> OK · <span data-testid="dc-degraded">{d.totals.DEGRADED}</span> DEGRADED ·{" "}
                      <span data-testid="dc-down">{d.totals.DOWN}</span> DOWN
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="py-2 pr-3" data-testid="dc-failing-nodes">
                  {d.ready ? `${d.failingNodeCount} of ${d.nodes}` : "—"}
                  {d.failingNodes.length > 0 && (
                    <span className="block text-xs">
                      {d.failingNodes.map((n, i) => (
                        <span key={n}>
                          {i > 0 && ", "}
                          <Link prefetch={false} className="underline" href={`/nodes/${encodeURIComponent(n)}${q(d.name)}`}>
                            {n}
                          </Link>
                        </span>
                      ))}
                    </span>
                  )}
                </td>
                <td className="py-2">
                  <ClusterHealthCell cluster={d.cluster} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-label="Problem services" className="space-y-2">
        <h2 className="text-lg font-semibold">Problem services in every datacenter ({estate?.problems.length ?? 0})</h2>
        {estate && estate.problems.length === 0 ? (
          <p className="text-muted">No service is DOWN or DEGRADED in any reachable datacenter.</p>
        ) : (
          <table className="w-full text-sm" aria-label="Problem services">
            <thead>
              <tr className="border-b border-line-strong text-left text-muted">
                <th scope="col" className="py-1 pr-3">Service</th>
                <th scope="col" className="py-1 pr-3">Datacenter</th>
                <th scope="col" className="py-1 pr-3">Status</th>
                <th scope="col" className="py-1 pr-3">Healthy / total</th>
                <th scope="col" className="py-1 pr-3">In status for</th>
                <th scope="col" className="py-1">Failing checks</th>
              </tr>
            </thead>
            <tbody>
              {estate?.problems.map((p) => (
                <tr key={`${p.dc}/${p.name}`} data-service={p.name} data-dc={p.dc} className="border-b border-line">
                  <th scope="row" className="py-1 pr-3 text-left font-medium">
                    <Link prefetch={false} className="underline" href={`/services/${encodeURIComponent(p.name)}${q(p.dc)}`}>
                      {p.name}
                    </Link>
                  </th>
                  <td className="py-1 pr-3">{p.dc}</td>
                  <td className="py-1 pr-3">
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="py-1 pr-3 tabular-nums" data-testid="healthy-total">
                    {p.healthy}/{p.total}
                  </td>
                  <td className="py-1 pr-3 text-muted">
                    <RelativeTime iso={p.since} suffix="" prefix={p.sinceExact ? "" : "≥ "} />
                  </td>
                  <td className="py-1 text-fg-soft">{p.failingChecks.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
