import type { ReactNode } from "react";

/** The frame every history chart shares: heading, then an error, "no history yet", "Loading…" or the chart. */
export function HistoryPanel({
  label,
  title,
  count,
  loaded,
  error,
  children,
}: {
  label: string;
  title: string;
  /** Points in the chart; 0 shows the empty state. */
  count: number;
  /** The history has been fetched (an empty answer means nothing recorded yet). */
  loaded: boolean;
  error: Error | null;
  children: ReactNode;
}) {
  return (
    <section aria-label={label} className="rounded border border-slate-200 bg-white p-3" data-points={count}>
      <h2 className="text-sm font-semibold text-slate-700">{title}</h2>
      {error ? (
        <p role="alert" className="text-sm text-status-down">
          Cannot load the history: {error.message}
        </p>
      ) : count === 0 ? (
        <p className="text-sm text-slate-500">{loaded ? "No history yet: it is recorded while the dashboard watches Consul." : "Loading…"}</p>
      ) : (
        children
      )}
    </section>
  );
}
