import { CircleCheck, OctagonX, TriangleAlert, Wrench } from "lucide-react";

const STYLE = {
  healthy: { Icon: CircleCheck, className: "bg-status-ok", label: "healthy" },
  passing: { Icon: CircleCheck, className: "bg-status-ok", label: "passing" },
  warning: { Icon: TriangleAlert, className: "bg-status-degraded", label: "warning" },
  critical: { Icon: OctagonX, className: "bg-status-down", label: "critical" },
  maintenance: { Icon: Wrench, className: "bg-status-maintenance", label: "maintenance" },
} as const;

type StateKind = keyof typeof STYLE;

/** An instance's or a check's state by colour, shape and word. */
export function StateBadge({ state }: { state: StateKind }) {
  const { Icon, className, label } = STYLE[state];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-on-status ${className}`} data-state={state}>
      <Icon aria-hidden="true" className="size-3.5" strokeWidth={2.5} />
      <span>{label}</span>
    </span>
  );
}
