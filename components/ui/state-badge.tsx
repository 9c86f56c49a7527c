const STYLE = {
  healthy: { icon: "●", className: "bg-status-ok", label: "healthy" },
  passing: { icon: "●", className: "bg-status-ok", label: "passing" },
  warning: { icon: "▲", className: "bg-status-degraded", label: "warning" },
  critical: { icon: "■", className: "bg-status-down", label: "critical" },
  maintenance: { icon: "◆", className: "bg-status-maintenance", label: "maintenance" },
} as const;

type StateKind = keyof typeof STYLE;

/** An instance's or a check's state by colour, shape and word. */
export function StateBadge({ state }: { state: StateKind }) {
  const s = STYLE[state];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-semibold text-white ${s.className}`} data-state={state}>
      <span aria-hidden="true">{s.icon}</span>
      <span>{s.label}</span>
    </span>
  );
}
