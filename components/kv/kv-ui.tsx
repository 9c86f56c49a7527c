"use client";

import type { ReactNode } from "react";

export { Button } from "@/components/ui/button";

/** A failure the operator must see, as text. */
export function ErrorText({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger-fg">
      {children}
    </p>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "warn" | "ok" }) {
  const cls =
    tone === "warn"
      ? "border-warn-line bg-warn-soft text-warn-fg"
      : tone === "ok"
        ? "border-ok-line bg-ok-soft text-ok-fg"
        : "border-line-strong bg-surface text-fg";
  return (
    <div role="status" className={`rounded border px-3 py-2 text-sm ${cls}`}>
      {children}
    </div>
  );
}
