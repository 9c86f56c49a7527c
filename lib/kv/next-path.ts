/** Where to go after signing in: a path on this dashboard only (never `//host` or a scheme), "/kv" otherwise. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/kv";
  return next;
}
