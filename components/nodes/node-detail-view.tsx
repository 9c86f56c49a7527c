"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { StateBadge } from "@/components/ui/state-badge";
import { AclNotice } from "@/components/estate/acl-notice";
import { estateQueries } from "@/components/estate/queries";
import { isMaintenanceCheck } from "@/lib/health/rollup";
import type { NodeDetail, ServiceImpact } from "@/lib/api/nodes";

function serviceHref(name: string, dc: string | undefined) {
  return `/services/${encodeURIComponent(name)}${dc ? `?dc=${encodeURIComponent(dc)}` : ""}`;
}

function ImpactList({ label, items, dc, tone }: { label: string; items: ServiceImpact[]; dc: string | undefined; tone: string }) {
  return (
    <div>
      <h3 className="font-semibold">
        {label} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="text-muted">None.</p>
      ) : (
        <ul aria-label={label} className="mt-1 space-y-1">
          {items.map((s) => (
            <li key={s.service} data-service={s.service}>
              <Link prefetch={false} className={`font-medium underline ${tone}`} href={serviceHref(s.service, dc)}>
                {s.service}
              </Link>{" "}
              <span className="text-muted tabular-nums">
                healthy {s.healthy}/{s.total} → {s.healthyAfter}/{s.total}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One node: its checks with output, instances, meta, lock sessions and what failing it would take down. */
export function NodeDetailView({ name, dc }: { name: string; dc: string | undefined }) {
  const { data, error, dataUpdatedAt } = useQuery(estateQueries.node(dc, name));
  const back = `/nodes${dc ? `?dc=${encodeURIComponent(dc)}` : ""}`;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <p className="text-sm">
        <Link className="underline" href={back}>
          ← All nodes
        </Link>
      </p>
      <header className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold break-all">{name}</h1>
        {data && <StateBadge state={data.summary.status} />}
        {data && (
          <span className="text-sm text-fg-soft">
            <code>{data.summary.address}</code> · <span data-testid="node-instances">{data.summary.instances}</span> instances, {data.summary.unhealthy} unhealthy
          </span>
        )}
      </header>
      {error && (
        <p role="alert" className="rounded border border-status-down bg-danger-soft p-3 text-sm text-status-down">
          <strong>STALE:</strong> {error.message}
          {dataUpdatedAt ? ` (last good answer ${new Date(dataUpdatedAt).toLocaleTimeString()})` : ""}
        </p>
      )}
      {!data && !error && <p className="text-muted">Loading…</p>}
      {data && <NodeBody node={data} dc={dc} />}
    </main>
  );
}

function NodeBody({ node, dc }: { node: NodeDetail; dc: string | undefined }) {
  const meta = Object.entries(node.meta);
  return (
    <>
      <AclNotice filtered={node.filteredByAcls} />
      <section aria-label="What this node takes down" className="grid gap-3 rounded border border-line bg-surface p-3 text-sm md:grid-cols-2">
        <h2 className="font-semibold md:col-span-2">If this node fails</h2>
        <ImpactList label="Left with no healthy instance" items={node.takesDown.down} dc={dc} tone="text-status-down" />
        <ImpactList label="Lose healthy instances" items={node.takesDown.degraded} dc={dc} tone="" />
      </section>
      <section aria-label="Node checks" className="rounded border border-line bg-surface p-3 text-sm">
        <h2 className="font-semibold">Node checks ({node.checks.length})</h2>
        {node.checks.length === 0 ? (
          <p className="text-muted">No node-level checks.</p>
        ) : (
          <table className="mt-2 w-full" aria-label="Checks of this node">
            <thead>
              <tr className="border-b border-line text-left text-muted">
                <th scope="col" className="py-1 pr-2">Check</th>
                <th scope="col" className="py-1 pr-2">Status</th>
                <th scope="col" className="py-1">Output and notes</th>
              </tr>
            </thead>
            <tbody>
              {node.checks.map((c) => (
                <tr key={c.checkId} className="border-b border-line align-top" data-check={c.checkId}>
                  <th scope="row" className="py-1 pr-2 text-left font-medium break-all">{c.name}</th>
                  <td className="py-1 pr-2">
                    <StateBadge state={isMaintenanceCheck(c.checkId) && c.status === "critical" ? "maintenance" : c.status} />
                  </td>
                  <td className="py-1">
                    {c.output && <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-surface-2 p-2 text-xs">{c.output}</pre>}
                    {c.notes && <p className="text-xs text-muted">Notes: {c.notes}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Instances on this node" className="rounded border border-line bg-surface p-3 text-sm">
        <h2 className="font-semibold">Instances ({node.instances.length})</h2>
        <ul className="mt-2 space-y-1">
          {node.instances.map((i) => (
            <li key={i.id} data-instance={i.id} className="flex flex-wrap items-center gap-2">
              <StateBadge state={i.state} />
              <Link prefetch={false} className="font-medium underline" href={serviceHref(i.service, dc)}>
                {i.service}
              </Link>
              <span className="text-muted">
                {i.id} · <code>{i.address}:{i.port}</code>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Node meta" className="rounded border border-line bg-surface p-3 text-sm">
        <h2 className="font-semibold">Node meta</h2>
        {meta.length === 0 ? (
          <p className="text-muted">None.</p>
        ) : (
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3">
            {meta.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section aria-label="Lock sessions" className="rounded border border-line bg-surface p-3 text-sm">
        <h2 className="font-semibold">Lock sessions held by this node ({node.sessions.length})</h2>
        {node.sessions.length === 0 ? (
          <p className="text-muted">None.</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {node.sessions.map((s) => (
              <li key={s.id}>
                <span className="font-medium">{s.name || "(no name)"}</span> <code className="text-xs">{s.id}</code>
                <span className="text-muted">
                  {" "}
                  · on release: {s.behavior || "release"}
                  {s.ttl ? ` · TTL ${s.ttl}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
