"use client";

import Link from "next/link";
import { breadcrumbs, kvHref } from "@/lib/kv/key";

export function KvBreadcrumbs({ path }: { path: string }) {
  const crumbs = breadcrumbs(path);
  const last = path.slice(crumbs.at(-1)?.folder.length ?? 0);
  return (
    <nav aria-label="Breadcrumbs" className="flex flex-wrap items-center gap-1 font-mono text-sm">
      {crumbs.map((c, i) => (
        <span key={c.folder} className="flex items-center gap-1">
          {i > 0 && <span aria-hidden="true">/</span>}
          <Link href={kvHref(c.folder, "folder")} className="text-link hover:underline">
            {c.label === "" ? "(empty)" : c.label}
          </Link>
        </span>
      ))}
      {last !== "" && (
        <span className="flex items-center gap-1">
          <span aria-hidden="true">/</span>
          <span aria-current="page" className="font-semibold">
            {last}
          </span>
        </span>
      )}
    </nav>
  );
}
