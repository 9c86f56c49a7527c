import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(process.cwd(), "lib/server");

/** Folder-level import graph of lib/server: each subfolder is one node, each top-level file another. */
function importGraph(): Map<string, Set<string>> {
  const files: string[] = [];
  (function walk(dir: string) {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts") && !p.endsWith(".test.ts")) files.push(p);
    }
  })(root);
  const node = (f: string) => {
    const parts = path.relative(root, f).split(path.sep);
    return parts.length > 1 ? `${parts[0]}/` : (parts[0] ?? "");
  };
  const edges = new Map<string, Set<string>>();
  for (const f of files) {
    for (const m of readFileSync(f, "utf8").matchAll(/from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)) {
      const spec = m[1] ?? m[2] ?? "";
      let target: string;
      if (spec.startsWith(".")) target = path.join(path.dirname(f), spec);
      else if (spec.startsWith("@/lib/server")) target = path.join(process.cwd(), spec.slice(2));
      else continue;
      if (!target.startsWith(root)) continue;
      if (!target.endsWith(".ts")) target = statSync(target, { throwIfNoEntry: false })?.isDirectory() ? path.join(target, "index.ts") : `${target}.ts`;
      const [a, b] = [node(f), node(target)];
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)?.add(b);
    }
  }
  return edges;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("lib/server layering", () => {
  it("has no import cycles between its folders", () => {
    const edges = importGraph();
    const cycles: string[] = [];
    const visit = (n: string, stack: string[]) => {
      for (const m of edges.get(n) ?? []) {
        const i = stack.indexOf(m);
        if (i >= 0) cycles.push([...stack.slice(i), m].join(" -> "));
        else visit(m, [...stack, m]);
      }
    };
    for (const n of edges.keys()) visit(n, [n]);
    expect(cycles).toEqual([]);
  });

  it("keeps the Consul adapter closed: it imports no feature folder", () => {
    expect([...(importGraph().get("consul/") ?? [])].filter((n) => n.endsWith("/"))).toEqual([]);
  });

  it("builds Consul paths only in the adapter", () => {
    const outside = [...sourceFiles(root), ...sourceFiles(path.join(process.cwd(), "app/api"))].filter(
      (f) => !f.startsWith(path.join(root, "consul") + path.sep),
    );
    const offenders = outside.filter((f) => /["'`]\/v1\/|\.transport\b/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });
});
