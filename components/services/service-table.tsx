import type { ServiceSummary } from "@/lib/api/overview";
import { StatusBadge } from "@/components/ui/status-badge";

/** Services with healthy/total instances and status; check names and tags are plain text. */
export function ServiceTable({ services }: { services: ServiceSummary[] }) {
  if (services.length === 0) {
    return <p className="p-6 text-slate-600">No services are registered in this datacenter.</p>;
  }
  return (
    <table className="w-full border-collapse text-sm" aria-label="Services">
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-600">
          <th scope="col" className="px-3 py-2">Service</th>
          <th scope="col" className="px-3 py-2">Status</th>
          <th scope="col" className="px-3 py-2">Healthy / total</th>
          <th scope="col" className="px-3 py-2">Failing checks</th>
          <th scope="col" className="px-3 py-2">Tags</th>
        </tr>
      </thead>
      <tbody>
        {services.map((s) => (
          <tr key={s.name} className="border-b border-slate-200" data-service={s.name}>
            <th scope="row" className="px-3 py-2 text-left font-medium">{s.name}</th>
            <td className="px-3 py-2"><StatusBadge status={s.status} /></td>
            <td className="px-3 py-2 tabular-nums" data-testid="healthy-total">{s.healthy}/{s.total}</td>
            <td className="px-3 py-2 text-slate-700">
              {s.failingChecks.join(", ")}
              {s.inMaintenance > 0 && <span className="ml-1 text-status-maintenance">({s.inMaintenance} in maintenance)</span>}
            </td>
            <td className="px-3 py-2 text-slate-600">{s.tags.join(", ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
