import "server-only";
import { withRequestLog } from "../log";
import { currentOperator, endSession, SESSION_END_MESSAGES } from "../auth/operator";
import { getConfig } from "../config";
import { isTokenGone } from "../consul/acl";
import { DomainError } from "../errors";
import { describeError } from "./errors";
import { HttpError } from "./http-error";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Answer without a session even when DASHBOARD_READS=signed-in: probes, sign-in itself, metrics. */
const OPEN_PATHS = [/^\/api\/healthz$/, /^\/api\/readyz$/, /^\/api\/auth\//, /^\/metrics$/];

/**
 * Wraps a route handler so every failure becomes a specific JSON error with the right
 * status. It also keeps the API closed to visitors without a session when
 * DASHBOARD_READS=signed-in, and ends an operator's session (401 session_ended, cookie
 * cleared) when Consul answers "ACL not found" for their token.
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return (req, ctx) => withRequestLog(req, async () => {
    const headers = new Headers({ "cache-control": "no-store" });
    try {
      await requireReader(req);
      return await handler(req, ctx);
    } catch (err) {
      let failure = err;
      if (isTokenGone(err)) {
        const op = await currentOperator().catch(() => null);
        if (op?.signedIn) {
          headers.append("set-cookie", endSession(req, op.session));
          failure = new HttpError("session_ended", SESSION_END_MESSAGES.token_gone, { reason: "token_gone" });
        }
      } else if (err instanceof DomainError && err.kind === "session_ended") {
        headers.append("set-cookie", endSession(req, null));
      }
      const { status, kind, message, extra } = describeError(failure);
      return Response.json({ error: { kind, message }, ...extra }, { status, headers });
    }
  });
}

async function requireReader(req: Request): Promise<void> {
  if (getConfig().access.reads !== "signed-in") return;
  const path = new URL(req.url).pathname;
  if (OPEN_PATHS.some((p) => p.test(path))) return;
  const op = await currentOperator();
  if (op.ended) throw new HttpError("session_ended", SESSION_END_MESSAGES[op.ended], { reason: op.ended });
  if (!op.signedIn) throw new HttpError("sign_in_required", "Sign in first: this dashboard shows Consul's data only to signed-in operators (DASHBOARD_READS=signed-in).");
}
