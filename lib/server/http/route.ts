import "server-only";
import { withRequestLog } from "../log";
import { describeError } from "./errors";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler so every failure becomes a specific JSON error with the right status. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return (req, ctx) => withRequestLog(req, async () => {
    try {
      return await handler(req, ctx);
    } catch (err) {
      const { status, kind, message, extra } = describeError(err);
      return Response.json({ error: { kind, message }, ...extra }, { status, headers: { "cache-control": "no-store" } });
    }
  });
}
