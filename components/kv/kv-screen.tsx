"use client";

import Link from "next/link";
import type { KvAccess } from "@/lib/api/kv";
import { KvBreadcrumbs } from "./kv-breadcrumbs";
import { KvFolderView } from "./kv-folder-view";
import { KvKeyView } from "./kv-key-view";
import { KvRecentChanges } from "./kv-recent-changes";
import { KvRecentlyDeleted } from "./kv-recently-deleted";
import { KvSearch } from "./kv-search";

export type KvTarget = { kind: "key"; key: string } | { kind: "folder"; prefix: string };

interface KvScreenProps {
  target: KvTarget;
  /** May this visitor write here; when not, the screen says why instead of offering controls that would fail. */
  access: KvAccess;
  maxValueBytes: number;
  /** The signed-in operator's token; null when the visitor is not signed in (reads use the server's token). */
  operator: { accessor: string; description: string | null } | null;
  signInHref: string;
}

export function KvScreen({ target, access, maxValueBytes, operator, signInHref }: KvScreenProps) {
  const path = target.kind === "key" ? target.key : target.prefix;
  const readOnly = !access.canWrite;
  return (
    <main className="mx-auto max-w-[100rem] space-y-4 p-3 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <KvBreadcrumbs path={path} />
        <KvSearch />
      </div>
      <div className="flex flex-wrap items-center gap-3 text-xs text-fg-soft">
        {access.reason === "read_only" && (
          <span role="status" className="rounded bg-warn-soft px-2 py-0.5 font-semibold text-warn-fg">
            Read-only mode: editing is disabled
          </span>
        )}
        {access.reason === "sign_in" && (
          <span role="status" className="rounded bg-warn-soft px-2 py-0.5 font-semibold text-warn-fg">
            <Link href={signInHref} className="underline underline-offset-2">
              Sign in to edit
            </Link>
          </span>
        )}
        {access.reason === "acl" && (
          <span role="status" className="rounded bg-warn-soft px-2 py-0.5 font-semibold text-warn-fg">
            {access.message}
          </span>
        )}
        <span data-testid="operator">
          {operator ? (
            <>
              Signed in as token <span className="font-mono">{operator.accessor}</span>
              {operator.description && <> ({operator.description})</>} ·{" "}
              <Link href="/sign-in" className="text-link underline underline-offset-2">
                Sign out
              </Link>
            </>
          ) : (
            <>
              Using the server&apos;s token to read ·{" "}
              <Link href={signInHref} className="text-link underline underline-offset-2">
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
            <div className="space-y-6">
              <KvFolderView key={target.prefix} prefix={target.prefix} readOnly={readOnly} maxValueBytes={maxValueBytes} />
              <KvRecentlyDeleted key={`deleted:${target.prefix}`} prefix={target.prefix} readOnly={readOnly} />
            </div>
          )}
        </div>
        <aside className="min-w-0 space-y-2">
          <KvRecentChanges />
          <Link href="/kv-audit" className="text-xs text-link underline underline-offset-2">
            Full audit of KV writes
          </Link>
        </aside>
      </div>
    </main>
  );
}
