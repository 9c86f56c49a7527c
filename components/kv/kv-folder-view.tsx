"use client";

import Link from "next/link";
import { baseName, kvHref } from "@/lib/kv/key";
import { KvCreate } from "./kv-create";
import { KvDeleteFolder } from "./kv-delete-folder";
import { KvImport } from "./kv-import";
import { ErrorText } from "./kv-ui";
import { useFolder } from "./use-kv";

export function KvFolderView({ prefix, readOnly, maxValueBytes }: { prefix: string; readOnly: boolean; maxValueBytes: number }) {
  const listing = useFolder(prefix);
  const keySet = new Set(listing.data?.keys ?? []);
  return (
    <div className="space-y-4">
      <h1 className="font-mono text-lg break-all">{prefix === "" ? "KV store" : prefix}</h1>
      {listing.isPending && <p className="text-sm">Loading…</p>}
      {listing.error && <ErrorText>{listing.error.message}</ErrorText>}
      {listing.data && (
        <table aria-label="Folder contents" className="w-full text-left text-sm">
          <thead>
            <tr className="text-xs text-muted">
              <th className="py-1">Name</th>
              <th>Kind</th>
            </tr>
          </thead>
          <tbody>
            {listing.data.folders.map((f) => (
              <tr key={`f:${f}`} className="border-t border-line">
                <td className="py-1 font-mono">
                  <Link href={kvHref(f, "folder")} className="text-link hover:underline">
                    {baseName(f)}
                  </Link>
                </td>
                <td className="text-xs">folder{keySet.has(f.slice(0, -1)) ? " (a key of the same name exists too)" : ""}</td>
              </tr>
            ))}
            {listing.data.keys.map((k) => (
              <tr key={`k:${k}`} className="border-t border-line">
                <td className="py-1 font-mono">
                  <Link href={kvHref(k, "key")} className="text-link hover:underline">
                    {baseName(k)}
                  </Link>
                </td>
                <td className="text-xs">key</td>
              </tr>
            ))}
            {listing.data.folders.length + listing.data.keys.length === 0 && (
              <tr>
                <td colSpan={2} className="py-2 text-muted">
                  This folder is empty.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <div className="flex flex-wrap gap-2 text-sm">
        <a
          href={`/api/kv/export?prefix=${encodeURIComponent(prefix)}`}
          download
          className="rounded border border-line-strong bg-surface px-3 py-1.5 font-medium hover:bg-surface-2"
        >
          Export {prefix === "" ? "everything" : "this folder"} (consul kv export format)
        </a>
      </div>
      {!readOnly && (
        <>
          <KvCreate prefix={prefix} maxValueBytes={maxValueBytes} />
          <KvImport prefix={prefix} />
          {prefix !== "" && <KvDeleteFolder prefix={prefix} />}
        </>
      )}
    </div>
  );
}
