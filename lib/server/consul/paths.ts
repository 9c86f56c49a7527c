import "server-only";

/** Encodes each `/`-separated segment, so keys and names with `%`, `#`, `?` or spaces are safe. */
export function encodePath(segments: string): string {
  return segments.split("/").map(encodeURIComponent).join("/");
}

/**
 * The one builder of Consul API paths: `consulPath("health", "service", name)` is
 * `/v1/health/service/<name>`, each segment encoded on its own. A KV key (whose `/`
 * are separators) is passed as its segments: `consulPath("kv", ...key.split("/"))`.
 */
export function consulPath(...segments: string[]): string {
  return `/v1/${encodePath(segments.join("/"))}`;
}

/** The metrics label of a Consul path: `/v1/health/state/any` → "health/state"; KV keys never become labels: `/v1/kv/a/b` → "kv". */
export function consulGroup(path: string): string {
  const parts = (path.split("?")[0] ?? "").replace(/^\/v1\//, "").split("/").filter(Boolean);
  if (parts[0] === "kv") return "kv";
  return parts.slice(0, 2).join("/") || "other";
}
