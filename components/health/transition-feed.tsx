"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Transition } from "@/lib/api/live";

function describe(t: Transition): string {
  const to = t.to === "removed" ? "was removed" : `went ${t.to}`;
  const from = t.from ? ` (was ${t.from})` : "";
  return t.instance ? `instance ${t.instance.id} on ${t.instance.node} ${to}${from}` : `${to}${from}`;
}

/** Recent status transitions, newest first: "payments went DOWN 2 min ago". */
export function TransitionFeed({ transitions, dc, linkServices = true }: { transitions: Transition[]; dc?: string; linkServices?: boolean }) {
  const items = transitions.slice(0, 20);
  return (
    <section aria-label="Recent changes" className="rounded border border-line bg-surface p-3">
      <h2 className="mb-2 text-sm font-semibold text-fg-soft">Recent changes</h2>
      {items.length === 0 ? (
        <p className="text-sm text-muted">No status changes seen since the dashboard started watching.</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {items.map((t) => (
            <li key={t.seq} className="break-words">
              {linkServices ? (
                <Link prefetch={false} className="font-medium underline" href={`/services/${encodeURIComponent(t.service)}${dc ? `?dc=${encodeURIComponent(dc)}` : ""}`}>
                  {t.service}
                </Link>
              ) : (
                <span className="font-medium">{t.service}</span>
              )}{" "}
              {describe(t)} <span className="text-muted"><RelativeTime iso={t.at} /></span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
