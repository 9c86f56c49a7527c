import Link from "next/link";
import type { AuditFilter, AuditRecord } from "@/lib/api/kv-history";

const OUTCOME_STYLE: Record<AuditRecord["outcome"], string> = {
  saved: "text-ok-fg",
  conflict: "text-warn-fg",
  denied: "text-danger-fg",
  refused: "text-danger-fg",
};

/** The lasting audit: a plain GET form (filters live in the URL, so every view is a link) and a table. */
export function AuditView({ entries, filter, query }: { entries: AuditRecord[]; filter: AuditFilter; query: string }) {
  const download = `/api/audit?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), format: "jsonl" }).toString()}`;
  return (
    <main className="mx-auto max-w-7xl space-y-4 p-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">KV audit</h1>
        <Link href="/kv" className="text-sm text-link hover:underline">
          Back to KV
        </Link>
      </div>
      <form method="get" action="/kv-audit" aria-label="Audit filters" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          Key prefix
          <input name="prefix" defaultValue={filter.prefix ?? ""} className="rounded border border-line-strong px-2 py-1 font-mono" />
        </label>
        <label className="flex flex-col">
          Operator
          <input name="who" defaultValue={filter.who ?? ""} placeholder="AccessorID or description" className="rounded border border-line-strong px-2 py-1" />
        </label>
        <label className="flex flex-col">
          From
          <input name="from" defaultValue={filter.from ?? ""} placeholder="2026-01-31T08:00" className="rounded border border-line-strong px-2 py-1" />
        </label>
        <label className="flex flex-col">
          To
          <input name="to" defaultValue={filter.to ?? ""} placeholder="2026-01-31T18:00" className="rounded border border-line-strong px-2 py-1" />
        </label>
        <label className="flex flex-col">
          Outcome
          <select name="outcome" defaultValue={filter.outcome ?? ""} className="rounded border border-line-strong px-2 py-1">
            <option value="">any</option>
            <option value="saved">saved</option>
            <option value="conflict">conflict</option>
            <option value="denied">denied</option>
            <option value="refused">refused</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-primary hover:bg-primary-hover px-3 py-1 text-on-primary">
          Filter
        </button>
        <a href={download} className="text-link hover:underline" download>
          Download as JSON lines
        </a>
      </form>
      <p className="text-xs text-muted">{entries.length === 0 ? "No write attempts match." : `${entries.length} most recent matching attempts, newest first.`}</p>
      {entries.length > 0 && (
        <div className="overflow-x-auto">
          <table aria-label="Audit entries" className="w-full text-left text-xs">
            <thead>
              <tr className="border-b border-line-strong">
                <th className="p-1">When</th>
                <th className="p-1">Who</th>
                <th className="p-1">Action</th>
                <th className="p-1">Key</th>
                <th className="p-1">Old → new index</th>
                <th className="p-1">Size</th>
                <th className="p-1">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-line align-top">
                  <td className="p-1 whitespace-nowrap">
                    <time dateTime={e.at}>{e.at.replace("T", " ").replace(/\.\d+Z$/, "Z")}</time>
                  </td>
                  <td className="p-1 font-mono break-all">
                    {e.who}
                    {e.description ? <span className="block font-sans text-muted">{e.description}</span> : null}
                  </td>
                  <td className="p-1">{e.action}</td>
                  <td className="p-1 font-mono break-all">{e.key}</td>
                  <td className="p-1 font-mono">
                    {e.oldIndex} → {e.newIndex}
                  </td>
                  <td className="p-1">{e.size}</td>
                  <td className={`p-1 ${OUTCOME_STYLE[e.outcome]}`}>
                    {e.outcome}
                    {e.message ? <span className="block text-muted">{e.message}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
