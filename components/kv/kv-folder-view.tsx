"use client";

import { Download, FileUp, Folder, KeyRound, Plus } from "lucide-react";
import Link from "next/link";
import { Dialog } from "@/components/ui/dialog";
import { LoadError } from "@/components/ui/load-error";
import { SkeletonLines } from "@/components/ui/skeleton";
import type { KvKeySummary } from "@/lib/api/kv";
import { formatBytes } from "@/lib/kv/bytes";
import { baseName, kvHref } from "@/lib/kv/key";
import { buttonClass } from "@/components/ui/button";
import { KvCreate } from "./kv-create";
import { KvDeleteFolder } from "./kv-delete-folder";
import { KvImport } from "./kv-import";
import { Button } from "./kv-ui";
import { useFolder } from "./use-kv";

const KIND_LABEL: Record<KvKeySummary["kind"], string> = { json: "JSON", yaml: "YAML", text: "text", binary: "binary" };

/** A folder: its subfolders and keys (size, kind, flags, last change), and what can be done here. */
export function KvFolderView({ prefix, readOnly, maxValueBytes }: { prefix: string; readOnly: boolean; maxValueBytes: number }) {
  const listing = useFolder(prefix);
  const keySet = new Set(listing.data?.keys ?? []);
  const details = new Map((listing.data?.details ?? []).map((d) => [d.key, d]));
  const hasDetails = listing.data?.details !== undefined;
  const where = prefix === "" ? "the root" : prefix;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="min-w-0 font-mono text-lg break-all">{prefix === "" ? "KV store" : prefix}</h1>
        <div className="flex flex-wrap gap-2">
          {!readOnly && (
            <>
              <Dialog
                title={`Create in ${where}`}
                description="A key with a text value, or an empty folder. Never overwrites a key that exists."
                trigger={
                  <Button tone="primary">
                    <Plus aria-hidden="true" className="size-4" /> New key or folder…
                  </Button>
                }
              >
                <KvCreate prefix={prefix} maxValueBytes={maxValueBytes} />
              </Dialog>
              <Dialog
                wide
                title="Import (consul kv export format)"
                trigger={
                  <Button>
                    <FileUp aria-hidden="true" className="size-4" /> Import…
                  </Button>
                }
              >
                <KvImport prefix={prefix} />
              </Dialog>
            </>
          )}
          <a href={`/api/kv/export?prefix=${encodeURIComponent(prefix)}`} download className={buttonClass("plain")}>
            <Download aria-hidden="true" className="size-4" /> Export {prefix === "" ? "everything" : "this folder"}
          </a>
          {!readOnly && prefix !== "" && <KvDeleteFolder prefix={prefix} />}
        </div>
      </div>
      {listing.isPending && <SkeletonLines label="Loading the folder" lines={6} />}
      {listing.error && <LoadError what="this folder" message={listing.error.message} onRetry={() => void listing.refetch()} />}
      {listing.data && (
        <div className="overflow-x-auto rounded border border-line bg-surface">
          <table aria-label="Folder contents" className="w-full text-left text-sm">
            <thead>
              <tr className="text-xs text-muted">
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-2">
                  Kind
                </th>
                <th scope="col" className="px-2 text-right">
                  Size
                </th>
                <th scope="col" className="px-2 text-right max-sm:hidden">
                  Flags
                </th>
                <th scope="col" className="px-3 text-right max-sm:hidden">
                  Last change index
                </th>
              </tr>
            </thead>
            <tbody>
              {listing.data.folders.map((f) => (
                <tr key={`f:${f}`} className="border-t border-line">
                  <td className="px-3 py-1.5 font-mono break-all">
                    <Link prefetch={false} href={kvHref(f, "folder")} className="inline-flex items-center gap-1.5 text-link hover:underline">
                      <Folder aria-hidden="true" className="size-4 shrink-0" />
                      {baseName(f)}
                    </Link>
                  </td>
                  <td className="px-2 text-xs" colSpan={4}>
                    folder{keySet.has(f.slice(0, -1)) ? " (a key of the same name exists too)" : ""}
                  </td>
                </tr>
              ))}
              {listing.data.keys.map((k) => {
                const d = details.get(k);
                return (
                  <tr key={`k:${k}`} className="border-t border-line" data-key={k}>
                    <td className="px-3 py-1.5 font-mono break-all">
                      <Link prefetch={false} href={kvHref(k, "key")} className="inline-flex items-center gap-1.5 text-link hover:underline">
                        <KeyRound aria-hidden="true" className="size-4 shrink-0" />
                        {baseName(k)}
                      </Link>
                    </td>
                    <td className="px-2 text-xs" data-testid="key-kind">
                      {d ? KIND_LABEL[d.kind] : "key"}
                    </td>
                    <td className="px-2 text-right text-xs whitespace-nowrap tabular-nums" data-testid="key-size">
                      {d ? formatBytes(d.size) : "—"}
                    </td>
                    <td className="px-2 text-right font-mono text-xs tabular-nums max-sm:hidden">{d?.flags ?? "—"}</td>
                    <td className="px-3 text-right font-mono text-xs tabular-nums max-sm:hidden">{d?.modifyIndex ?? "—"}</td>
                  </tr>
                );
              })}
              {listing.data.folders.length + listing.data.keys.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-3 py-2 text-muted">
                    This folder is empty.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {!hasDetails && (
            <p className="border-t border-line px-3 py-2 text-xs text-muted">Sizes and kinds are shown for folders of up to 500 keys; this one has more.</p>
          )}
        </div>
      )}
    </div>
  );
}
