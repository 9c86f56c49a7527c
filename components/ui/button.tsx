import type { ButtonHTMLAttributes } from "react";

const tones = {
  primary: "bg-primary text-on-primary hover:bg-primary-hover",
  plain: "border border-line-strong bg-surface text-fg hover:bg-surface-2",
  danger: "bg-status-down text-on-status hover:opacity-90",
  ghost: "text-fg hover:bg-surface-2",
};

export type ButtonTone = keyof typeof tones;

/** The classes of a button, for links that look like one. */
export function buttonClass(tone: ButtonTone = "plain", extra = ""): string {
  return `inline-flex items-center justify-center gap-1.5 rounded px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${tones[tone]} ${extra}`;
}

export function Button({ tone = "plain", className = "", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: ButtonTone }) {
  return <button type="button" {...rest} className={buttonClass(tone, className)} />;
}
