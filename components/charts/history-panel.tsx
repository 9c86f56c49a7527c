import type { ReactNode } from "react";
import { LoadError } from "@/components/ui/load-error";
import { SkeletonLines } from "@/components/ui/skeleton";

/** The frame every history chart shares: heading, then an error, "no history yet", a skeleton or the chart. */
export function HistoryPanel({
  label,
  title,
  count,
  loaded,
  error,
  onRetry,
  children,
}: {
  label: string;
  title: string;
  /** Points in the chart; 0 shows the empty state. */
  count: number;
  /** The history has been fetched (an empty answer means nothing recorded yet). */
  loaded: boolean;
  error: Error | null;
  onRetry?: () => void;
  children: ReactNode;
}) {
  return (
    <section aria-label={label} className="rounded border border-line bg-surface p-3" data-points={count}>
      <h2 className="text-sm font-semibold text-fg-soft">{title}</h2>
      {error ? (
        <LoadError what="the history" message={error.message} onRetry={onRetry} />
      ) : count === 0 ? (
        loaded ? (
          <p className="text-sm text-muted">No history yet: it is recorded while the dashboard watches Consul.</p>
        ) : (
          <SkeletonLines label="Loading the history" lines={3} className="mt-2" />
        )
      ) : (
        children
      )}
    </section>
  );
}
