import { describe, expect, it } from "vitest";
import { baseName, breadcrumbs, groupLevel, isPathSafe, keyProblem, kvHref, parentFolder } from "./key";

describe("key rules", () => {
  it("tells path-safe keys from ones Consul's router would rewrite", () => {
    expect(isPathSafe("app/config")).toBe(true);
    expect(isPathSafe("app/folder/")).toBe(true);
    expect(isPathSafe("a b/ü %#?")).toBe(true);
    expect(isPathSafe("a//b")).toBe(false);
    expect(isPathSafe("a/../b")).toBe(false);
    expect(isPathSafe("./b")).toBe(false);
    expect(isPathSafe("/a")).toBe(false);
  });

  it("names what is wrong with a new key", () => {
    expect(keyProblem("")).toMatch(/empty/);
    expect(keyProblem("/x")).toMatch(/start with/);
    expect(keyProblem("a//b")).toMatch(/\/\//);
    expect(keyProblem("a/../b")).toMatch(/\.\./);
    expect(keyProblem("x".repeat(3000))).toMatch(/3000 characters/);
    expect(keyProblem("ok/ key with spaces %#?")).toBeNull();
  });

  it("splits paths into parent, base name and breadcrumbs", () => {
    expect(parentFolder("a/b/c")).toBe("a/b/");
    expect(parentFolder("a/b/")).toBe("a/");
    expect(parentFolder("a")).toBe("");
    expect(baseName("a/b/")).toBe("b/");
    expect(breadcrumbs("a/b/c").map((c) => c.folder)).toEqual(["", "a/", "a/b/"]);
  });

  it("links every key, falling back to ?key= when a path would be rewritten", () => {
    expect(kvHref("a b/ü%#?", "key")).toBe("/kv/a%20b/%C3%BC%25%23%3F");
    expect(kvHref("a/b/", "folder")).toBe("/kv/a/b?view=folder");
    expect(kvHref("a//b", "key")).toBe("/kv?key=a%2F%2Fb");
    expect(kvHref("a/b/", "key")).toBe("/kv?key=a%2Fb%2F");
    expect(kvHref("", "folder")).toBe("/kv");
  });

  it("groups a flat key list into one folder level", () => {
    const keys = ["p/a", "p/b/", "p/b/c", "p/d/e/f", "p/", "q/x"];
    expect(groupLevel("p/", keys)).toEqual({ folders: ["p/b/", "p/d/"], keys: ["p/a"] });
  });
});

describe("keys that go through /v1/txn", () => {
  it("are every key with an empty, dot (any spelling) or control-character segment", () => {
    for (const key of ["a//b", "a/./b", "a/../b", "a/%2e/b", "a/%2E%2e", "a\u0001b", "\u007f"]) expect(isPathSafe(key), key).toBe(false);
    for (const key of ["a/b", "a/b/", "a/.b", "a/...", "100%", "café/menu"]) expect(isPathSafe(key), key).toBe(true);
  });
  it("control characters are refused for new keys, naming the reason", () => {
    expect(keyProblem("a\u0001b")).toMatch(/control characters/);
  });
});
