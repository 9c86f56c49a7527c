"use client";

import { RotateCw, TriangleAlert } from "lucide-react";
import { Button } from "./button";

/** A failed fetch, in words, with a way to try again: never a blank region. */
export function LoadError({ what, message, onRetry, retryLabel = "Retry" }: { what: string; message: string; onRetry?: () => void; retryLabel?: string }) {
  return (
    <div role="alert" className="flex flex-wrap items-start gap-3 rounded border border-danger-line bg-danger-soft p-3 text-sm text-danger-fg">
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <p className="min-w-0 flex-1">
        <strong>Could not load {what}.</strong> {message}
      </p>
      {onRetry && (
        <Button onClick={onRetry} className="py-1">
          <RotateCw aria-hidden="true" className="size-3.5" /> {retryLabel}
        </Button>
      )}
    </div>
  );
}
