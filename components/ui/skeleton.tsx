/** A grey placeholder while data comes; announced once as "Loading <what>". */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`skeleton ${className}`} />;
}

/** A few placeholder lines, with a label for screen readers. */
export function SkeletonLines({ label, lines = 4, className = "" }: { label: string; lines?: number; className?: string }) {
  return (
    <div role="status" aria-label={label} className={`space-y-2 ${className}`} data-testid="skeleton">
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} className={`h-5 ${i % 3 === 2 ? "w-2/3" : "w-full"}`} />
      ))}
      <span className="sr-only">{label}…</span>
    </div>
  );
}
