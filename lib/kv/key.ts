import { CONTROL_CHARS, isDotSegment, segmentProblem } from "@/lib/consul/path-segment";

/**
 * KV key rules shared by the browser and the server. Keys are plain strings;
 * a "folder" is a prefix ending in "/".
 */

/**
 * True when the key can travel in a Consul URL path unchanged: Consul's router cleans
 * `//`, the URL parser resolves `.` and `..` (also spelled `%2e`), and Consul answers
 * control characters with an empty 400. Other keys go through /v1/txn (key in the body).
 */
export function isPathSafe(key: string): boolean {
  const segments = key.split("/");
  return segments.every((s, i) => (s === "" ? i === segments.length - 1 && i > 0 : segmentProblem(s) === null));
}

/**
 * Why a key may not be created through the dashboard, or null when it may.
 * Consul's own rules (e.g. no leading/trailing spaces) are left to Consul so
 * its words reach the operator.
 */
export function keyProblem(key: string): string | null {
  if (key.length === 0) return "The key is empty.";
  if (key.startsWith("/")) return "A key must not start with “/”.";
  if (CONTROL_CHARS.test(key)) return "A key must not contain control characters (Consul's HTTP API refuses them).";
  if (key.length > MAX_KEY_LENGTH) return `The key is ${key.length} characters long; the dashboard accepts at most ${MAX_KEY_LENGTH}.`;
  if (/\/\//.test(key)) return "The key contains “//” (an empty segment); Consul's HTTP API would silently rewrite it.";
  if (key.split("/").some(isDotSegment))
    return "The key contains a “.” or “..” segment (in some spelling, e.g. “%2e”); Consul's HTTP API would silently rewrite it.";
  return null;
}

/** Long keys work, but a URL path must stay well under HTTP header limits. */
const MAX_KEY_LENGTH = 2048;

/** The folder a key or folder sits in ("" for the root). */
export function parentFolder(path: string): string {
  const trimmed = path.endsWith("/") ? path.slice(0, -1) : path;
  const i = trimmed.lastIndexOf("/");
  return i < 0 ? "" : trimmed.slice(0, i + 1);
}

/** The last segment, with a trailing "/" for folders. */
export function baseName(path: string): string {
  return path.slice(parentFolder(path).length);
}

export interface Crumb {
  label: string;
  folder: string;
}

/** Breadcrumbs for a folder or key: the root, then each enclosing folder. */
export function breadcrumbs(path: string): Crumb[] {
  const crumbs: Crumb[] = [{ label: "root", folder: "" }];
  let at = 0;
  for (;;) {
    const i = path.indexOf("/", at);
    if (i < 0) break;
    crumbs.push({ label: path.slice(at, i), folder: path.slice(0, i + 1) });
    at = i + 1;
  }
  return crumbs;
}

/**
 * Link to a key or folder. Path form (`/kv/a/b`) when every segment survives
 * URL normalisation; otherwise the exact key rides in `?key=`. Folders ask
 * for the folder view explicitly, so a key and a folder of one name both link.
 */
export function kvHref(path: string, kind: "key" | "folder"): string {
  if (path === "") return "/kv";
  const bare = kind === "folder" && path.endsWith("/") ? path.slice(0, -1) : path;
  const segments = bare.split("/");
  const pretty = segments.every((s) => s !== "" && s !== "." && s !== "..") && !(kind === "key" && path.endsWith("/"));
  if (!pretty) return `/kv?${kind === "folder" ? "folder" : "key"}=${encodeURIComponent(path)}`;
  const href = `/kv/${segments.map(encodeURIComponent).join("/")}`;
  return kind === "folder" ? `${href}?view=folder` : href;
}

/** Ensures a folder prefix ends in "/" (the root stays ""). */
export function asFolder(prefix: string): string {
  return prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
}

export interface FolderListing {
  folders: string[];
  keys: string[];
}

/** Groups a flat key list into one folder level, as `?keys&separator=/` would. */
export function groupLevel(prefix: string, allKeys: readonly string[]): FolderListing {
  const folders = new Set<string>();
  const keys: string[] = [];
  for (const k of allKeys) {
    if (!k.startsWith(prefix) || k === prefix) continue;
    const i = k.indexOf("/", prefix.length);
    if (i >= 0 && i < k.length - 1) folders.add(k.slice(0, i + 1));
    else if (i === k.length - 1) folders.add(k);
    else keys.push(k);
  }
  return { folders: [...folders].sort(), keys: keys.sort() };
}
