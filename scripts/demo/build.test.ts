import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { staleBuildReason } from "./build";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "demo-build-"));
  dirs.push(root);
  mkdirSync(path.join(root, "app", "kv"), { recursive: true });
  writeFileSync(path.join(root, "app", "kv", "page.tsx"), "x");
  writeFileSync(path.join(root, "package.json"), "{}");
  return root;
}

const at = (p: string, sec: number) => utimesSync(p, sec, sec);

describe("staleBuildReason", () => {
  it("asks for a build when there is none", () => {
    expect(staleBuildReason(project())).toBe("no build yet");
  });

  it("is satisfied when the build is newer than every input", () => {
    const root = project();
    mkdirSync(path.join(root, ".next"));
    for (const p of ["app/kv/page.tsx", "app/kv", "app", "package.json"]) at(path.join(root, p), 1_000);
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "id");
    at(path.join(root, ".next", "BUILD_ID"), 2_000);
    expect(staleBuildReason(root)).toBeUndefined();
  });

  it("names what changed after the build, deep in a folder too", () => {
    const root = project();
    mkdirSync(path.join(root, ".next"));
    for (const p of ["app/kv", "app", "package.json"]) at(path.join(root, p), 1_000);
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "id");
    at(path.join(root, ".next", "BUILD_ID"), 2_000);
    at(path.join(root, "app", "kv", "page.tsx"), 3_000);
    expect(staleBuildReason(root)).toBe("changed since the last build: app");
  });
});
