import "server-only";
import type { Operator } from "../auth/operator";
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

/** Why this operator may not write at all (before any Consul request), or null. */
export function writeRefusal(op: Operator): HttpError | null {
  const { access } = getConfig();
  if (access.writes === "off") {
    return new HttpError("read_only", `Refused: this dashboard runs read-only (${access.writesOffBy}); nothing was written.`);
  }
  if (access.writes === "signed-in" && !op.signedIn) {
    return new HttpError(
      "sign_in_required",
      "Sign in to edit: this dashboard writes only with an operator's own Consul token (DASHBOARD_WRITES=signed-in), never the server's; nothing was written.",
    );
  }
  return null;
}

/** Every write route calls this first: read-only mode, same-origin, then who may write. */
export function assertWritable(req: Request, op: Operator): void {
  // Read-only mode answers as such whatever the origin; otherwise a cross-site request is refused before anything else.
  if (getConfig().access.writes !== "off") assertSameOrigin(req);
  const refused = writeRefusal(op);
  if (refused) throw refused;
}
