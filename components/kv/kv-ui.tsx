"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";

const tones = {
  primary: "bg-slate-900 text-white hover:bg-slate-700",
  plain: "border border-slate-300 bg-white hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-600",
};

export function Button({ tone = "plain", className = "", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: keyof typeof tones }) {
  return (
    <button
      type="button"
      {...rest}
      className={`rounded px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${tones[tone]} ${className}`}
    />
  );
}

/** A failure the operator must see, as text. */
export function ErrorText({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {children}
    </p>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "warn" | "ok" }) {
  const cls =
    tone === "warn"
      ? "border-amber-300 bg-amber-50 text-amber-900"
      : tone === "ok"
        ? "border-green-300 bg-green-50 text-green-900"
        : "border-slate-300 bg-white text-slate-800";
  return (
    <div role="status" className={`rounded border px-3 py-2 text-sm ${cls}`}>
      {children}
    </div>
  );
}
