import { CheckOutput } from "./check-output";
import Link from "next/link";
import { StateBadge } from "@/components/ui/state-badge";
import type { InstanceDetail } from "@/lib/api/live";
import { isMaintenanceCheck } from "@/lib/health/rollup";

/** One instance and every check that applies to it; Consul's text is always rendered as text. */
export function InstanceCard({ instance: i, dc }: { instance: InstanceDetail; dc?: string }) {
  const metaEntries = Object.entries(i.meta);
  return (
    <article aria-label={`Instance ${i.id} on ${i.node}`} className="min-w-0 rounded border border-line bg-surface p-3" data-instance={i.id}>
      <header className="flex flex-wrap items-center gap-3">
        <StateBadge state={i.state} />
        <h3 className="font-semibold break-all">{i.id}</h3>
        <span className="text-sm text-muted">
          on node{" "}
          <Link prefetch={false} className="font-medium underline" href={`/nodes/${encodeURIComponent(i.node)}${dc ? `?dc=${encodeURIComponent(dc)}` : ""}`}>
            {i.node}
          </Link> · <code>{i.address}:{i.port}</code>
        </span>
      </header>
      {i.maintenance && (
        <p className="mt-2 text-sm text-status-maintenance">
          In maintenance ({i.maintenance.scope === "node" ? "whole node" : "this instance"})
          {i.maintenance.reason ? `: ${i.maintenance.reason}` : " — no reason given"}
        </p>
      )}
      {i.tags.length > 0 && <p className="mt-2 text-sm text-muted">Tags: {i.tags.join(", ")}</p>}
      {metaEntries.length > 0 && (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 text-sm text-muted">
          {metaEntries.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium">{k}</dt>
              <dd className="break-all">{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {i.checks.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No checks: counted healthy, as Consul does.</p>
      ) : (
        <table className="mt-3 w-full text-sm max-md:block" aria-label={`Checks of ${i.id} on ${i.node}`}>
          <thead className="max-md:sr-only">
            <tr className="border-b border-line text-left whitespace-nowrap text-muted">
              <th scope="col" className="py-1 pr-2">Check</th>
              <th scope="col" className="py-1 pr-2">Scope</th>
              <th scope="col" className="py-1 pr-2">Type</th>
              <th scope="col" className="py-1 pr-2">Status</th>
              <th scope="col" className="py-1">Output and notes</th>
            </tr>
          </thead>
          <tbody className="max-md:block">
            {i.checks.map((c) => {
              const maint = isMaintenanceCheck(c.checkId) && c.status === "critical";
              return (
                <tr key={`${c.node}/${c.checkId}`} className="border-b border-line align-top max-md:grid max-md:grid-cols-[minmax(0,1fr)_auto] max-md:gap-x-3 max-md:gap-y-1 max-md:py-2" data-check={c.checkId}>
                  <th scope="row" className="py-1 pr-2 text-left font-medium break-all max-md:order-1 max-md:py-0">{c.name}</th>
                  <td className="py-1 pr-2 text-muted max-md:order-3 max-md:py-0 max-md:text-xs">
                    <span className="md:hidden">Scope: </span>
                    {c.serviceId ? "service" : "node"}
                  </td>
                  <td className="py-1 pr-2 text-muted max-md:order-4 max-md:py-0 max-md:text-xs">
                    <span className="md:hidden">Type: </span>
                    {c.type || "—"}
                  </td>
                  <td className="py-1 pr-2 max-md:order-2 max-md:py-0">
                    <StateBadge state={maint ? "maintenance" : c.status} />
                  </td>
                  <td className="py-1 max-md:order-5 max-md:col-span-2 max-md:py-0">
                    {c.output && <CheckOutput text={c.output} />}
                    {c.notes && <p className="text-xs text-muted">Notes: {c.notes}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}
