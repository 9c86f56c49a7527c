"use client";

import Link from "next/link";
import { KvBreadcrumbs } from "./kv-breadcrumbs";
import { KvFolderView } from "./kv-folder-view";
import { KvKeyView } from "./kv-key-view";
import { KvRecentChanges } from "./kv-recent-changes";
import { KvSearch } from "./kv-search";

export type KvTarget = { kind: "key"; key: string } | { kind: "folder"; prefix: string };

interface KvScreenProps {
  target: KvTarget;
  readOnly: boolean;
  maxValueBytes: number;
  /** AccessorID of the signed-in operator; null when the server's token is used. */
  operator: string | null;
}

export function KvScreen({ target, readOnly, maxValueBytes, operator }: KvScreenProps) {
  const path = target.kind === "key" ? target.key : target.prefix;
  return (
    <main className="mx-auto max-w-[100rem] space-y-4 p-3 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <KvBreadcrumbs path={path} />
        <KvSearch />
      </div>
      <div className="flex flex-wrap items-center gap-3 text-xs text-fg-soft">
        {readOnly && (
          <span role="status" className="rounded bg-warn-soft px-2 py-0.5 font-semibold text-warn-fg">
            Read-only mode: editing is disabled
          </span>
        )}
        <span data-testid="operator">
          {operator ? (
            <>
              Writing as token <span className="font-mono">{operator}</span> ·{" "}
              <Link href="/sign-in" className="text-link hover:underline">
                Sign out
              </Link>
            </>
          ) : (
            <>
              Using the server&apos;s token ·{" "}
              <Link href="/sign-in" className="text-link hover:underline">
                Sign in with your own token
              </Link>
            </>
          )}
        </span>
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          {target.kind === "key" ? (
            <KvKeyView key={target.key} keyName={target.key} readOnly={readOnly} maxValueBytes={maxValueBytes} />
          ) : (
            <KvFolderView key={target.prefix} prefix={target.prefix} readOnly={readOnly} maxValueBytes={maxValueBytes} />
          )}
        </div>
        <aside className="min-w-0">
          <KvRecentChanges />
        </aside>
      </div>
    </main>
  );
}
