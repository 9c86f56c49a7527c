import { endSession } from "@/lib/server/auth/operator";
import { safeNext } from "@/lib/kv/next-path";

export const dynamic = "force-dynamic";

/** Pages send a visitor whose session ended here: the dead cookie is cleared, then the sign-in page says why. */
export function GET(req: Request): Response {
  const url = new URL(req.url);
  const reason = url.searchParams.get("reason") ?? "ended";
  const next = safeNext(url.searchParams.get("next"));
  const to = `/sign-in?ended=${encodeURIComponent(reason)}&next=${encodeURIComponent(next)}`;
  return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store", "set-cookie": endSession(req, null) } });
}
