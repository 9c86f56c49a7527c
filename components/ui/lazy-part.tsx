"use client";

import type { ReactNode } from "react";
import { ErrorBoundary } from "react-error-boundary";
import { LoadError } from "./load-error";

/**
 * A part of a page whose code loads after the page (a chart, the value editor, the command
 * palette). If that code cannot be fetched (a dropped connection, a redeploy that replaced it)
 * or the part throws, the part alone says so and the page around it stays live. Reloading is the
 * way to try again: a chunk that failed to load is not fetched again by the same page.
 */
export function LazyPart({ what, children }: { what: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallbackRender={({ error }) => (
        <LoadError
          what={what}
          message={`${error instanceof Error ? error.message : String(error)}. The rest of the page still works; reload to try again.`}
          onRetry={() => window.location.reload()}
          retryLabel="Reload"
        />
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
