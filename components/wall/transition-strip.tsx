"use client";

import type { Transition } from "@/lib/api/live";
import { shortDuration } from "@/lib/wall/tiles";

const STRIP_LIMIT = 8;

/** The latest service status changes in one line: what just happened, for someone walking in. */
export function TransitionStrip({ transitions, nowMs }: { transitions: Transition[]; nowMs: number }) {
  const items = transitions.filter((t) => t.instance === null).slice(0, STRIP_LIMIT);
  return (
    <section aria-label="Recent transitions" className="flex min-w-0 items-baseline gap-6 overflow-hidden whitespace-nowrap px-3 text-[clamp(13px,0.9vw,28px)]">
      <h2 className="shrink-0 font-semibold text-[var(--wall-muted)]">Recent changes</h2>
      {items.length === 0 ? (
        <p className="text-[var(--wall-muted)]">none since the dashboard started watching</p>
      ) : (
        <ol className="flex min-w-0 gap-6 overflow-hidden">
          {items.map((t) => (
            <li key={t.seq} className="shrink-0">
              <strong>{t.service}</strong> {t.to === "removed" ? "removed" : t.from === null ? `appeared (${t.to})` : `→ ${t.to} (was ${t.from})`}
              {nowMs > 0 && <span className="text-[var(--wall-muted)]"> {shortDuration(nowMs - Date.parse(t.at))} ago</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
