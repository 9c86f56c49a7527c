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
