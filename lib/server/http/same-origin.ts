import "server-only";
import { getConfig } from "../config";
import { HttpError } from "./http-error";

/**
 * Writes are accepted only from our own pages: the browser's Sec-Fetch-Site
 * says "same-origin", or (older browsers, scripts) Origin matches our host.
 * A request with neither header is refused too, so a forged form post or a
 * cross-site fetch never reaches Consul.
 */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin") return;
    throw new HttpError("cross_origin", `Refused: writes are accepted only from the dashboard's own pages (Sec-Fetch-Site: ${site}).`);
  }
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin && host) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost === host) return;
  }
  throw new HttpError("cross_origin", "Refused: writes are accepted only from the dashboard's own pages (no matching Origin header).");
}

/** Every write route calls this first: read-only mode, then same-origin. */
export function assertWritable(req: Request): void {
  if (getConfig().readOnly) {
    throw new HttpError("read_only", "Refused: this dashboard runs read-only (DASHBOARD_READ_ONLY=true); nothing was written.");
  }
  assertSameOrigin(req);
}
