import type { ServiceStatus } from "@/lib/api/overview";

const STYLE: Record<ServiceStatus, { icon: string; className: string; label: string }> = {
  OK: { icon: "●", className: "bg-status-ok", label: "OK" },
  DEGRADED: { icon: "▲", className: "bg-status-degraded", label: "DEGRADED" },
  DOWN: { icon: "■", className: "bg-status-down", label: "DOWN" },
};

/** Status by colour, shape and word, so it reads without colour vision. */
export function StatusBadge({ status }: { status: ServiceStatus }) {
  const s = STYLE[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-semibold tracking-wide text-white ${s.className}`}
      data-status={status}
    >
      <span aria-hidden="true">{s.icon}</span>
      <span>{s.label}</span>
    </span>
  );
}
