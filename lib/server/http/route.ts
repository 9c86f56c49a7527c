import "server-only";
import { withRequestLog } from "../log";
import { describeError } from "./errors";
import { HttpError } from "./http-error";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler so every failure becomes a specific JSON error with the right status. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return (req, ctx) => withRequestLog(req, async () => {
    try {
      return await handler(req, ctx);
    } catch (err) {
      if (err instanceof HttpError) {
        return Response.json(
          { error: { kind: err.kind, message: err.message }, ...err.extra },
          { status: err.status, headers: { "cache-control": "no-store" } },
        );
      }
      const { status, kind, message } = describeError(err);
      return Response.json({ error: { kind, message } }, { status, headers: { "cache-control": "no-store" } });
    }
  });
}
