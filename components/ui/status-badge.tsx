import { CircleCheck, OctagonX, TriangleAlert } from "lucide-react";
import type { ServiceStatus } from "@/lib/api/overview";

const STYLE = {
  OK: { Icon: CircleCheck, className: "bg-status-ok", label: "OK" },
  DEGRADED: { Icon: TriangleAlert, className: "bg-status-degraded", label: "DEGRADED" },
  DOWN: { Icon: OctagonX, className: "bg-status-down", label: "DOWN" },
} satisfies Record<ServiceStatus, unknown>;

/** Status by colour, shape and word, so it reads without colour vision. */
export function StatusBadge({ status }: { status: ServiceStatus }) {
  const { Icon, className, label } = STYLE[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-semibold tracking-wide whitespace-nowrap text-on-status ${className}`}
      data-status={status}
    >
      <Icon aria-hidden="true" className="size-3.5" strokeWidth={2.5} />
      <span>{label}</span>
    </span>
  );
}
