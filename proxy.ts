import { NextResponse, type NextRequest } from "next/server";
import { hostAllowed, makeNonce, requestIdFrom, securityHeaders } from "@/lib/http/security";
import { getConfig } from "@/lib/server/config";

/**
 * The one place HTTP is hardened, in front of every route (pages, /api, /metrics,
 * static files): the Host allowlist (DNS rebinding), the security headers with a fresh
 * CSP nonce per request, and the request id. Next reads the nonce from the request's
 * Content-Security-Policy header and puts it on its own scripts; the root layout gets
 * it as `x-nonce`.
 */
export function proxy(request: NextRequest): NextResponse {
  const { serve } = getConfig();
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const nonce = makeNonce();
  const headers = securityHeaders({ pathname: request.nextUrl.pathname, nonce, dev: serve.dev, frameAncestors: serve.frameAncestors });

  let response: NextResponse;
  const host = request.headers.get("host");
  if (!hostAllowed(host, serve.allowedHosts)) {
    response = new NextResponse(
      `Refused: this dashboard does not answer to the host name "${host ?? ""}". ` +
        `If people reach it by that name, add it to DASHBOARD_ALLOWED_HOSTS (comma-separated host[:port]).\n`,
      { status: 421, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } },
    );
  } else if (!decodable(request.nextUrl.pathname)) {
    // Next's router would fail on it with a 500 before any of our code runs.
    response = new NextResponse("Bad request: the address has a malformed %-escape.\n", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("x-request-id", requestId);
    forwarded.set("x-nonce", nonce);
    forwarded.set("content-security-policy", headers["content-security-policy"]!);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("x-request-id", requestId);
  return response;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Every path, static files included, so every response carries the headers.
export const config = {
  matcher: "/:path*",
};
