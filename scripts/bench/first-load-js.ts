/**
 * npm run bench:js — first-load JavaScript per page route of the last `next build`, from its
 * manifests: the framework's root files plus each route's entry chunks (layout and page).
 * Chunks loaded later (next/dynamic: the charts, the KV editor) are not counted.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../consul/binary";

const NEXT = path.join(ROOT, ".next");

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return manifests(p);
    return name === "page_client-reference-manifest.js" ? [p] : [];
  });
}

const root: string[] = (JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] }).rootMainFiles;
const g = globalThis as unknown as { self?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> };
// The manifests are browser-style scripts that write to `self`.
g.self = globalThis;
const rows: { route: string; files: number; raw: number; gz: number }[] = [];
for (const file of manifests(path.join(NEXT, "server", "app"))) {
  g.__RSC_MANIFEST = {};
  // The manifest is a script that assigns itself to globalThis.__RSC_MANIFEST[route].
  new Function(readFileSync(file, "utf8"))();
  for (const [route, m] of Object.entries(g.__RSC_MANIFEST)) {
    if (route.startsWith("/_")) continue;
    const entries = m.entryJSFiles ?? {};
    const own = Object.entries(entries).filter(([k]) => k.endsWith("/page") || k.endsWith("/layout")).flatMap(([, v]) => v);
    const files = [...new Set([...root, ...own])];
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const buf = readFileSync(path.join(NEXT, f));
      raw += buf.byteLength;
      gz += gzipSync(buf).byteLength;
    }
    rows.push({ route, files: files.length, raw, gz });
  }
}
console.log("| Route | JS files | first-load JS | gzipped |\n|---|---:|---:|---:|");
for (const r of rows.sort((a, b) => a.route.localeCompare(b.route))) {
  console.log(`| ${r.route} | ${r.files} | ${(r.raw / 1024).toFixed(0)} KB | ${(r.gz / 1024).toFixed(0)} KB |`);
}
