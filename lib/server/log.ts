import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";
import { getConfig } from "./config";

/**
 * Structured JSON logs (one object per line on stdout) for log shipping. Lines logged
 * while a route handles a request carry its `reqId` (the `x-request-id` proxy.ts set
 * or passed on), so one request's lines can be found together.
 */

interface RequestContext {
  reqId: string;
}

const KEY = Symbol.for("consul-dashboard.log");
type WithLog = typeof globalThis & { [KEY]?: { logger: Logger; context: AsyncLocalStorage<RequestContext> } };

function state() {
  const g = globalThis as WithLog;
  if (!g[KEY]) {
    const context = new AsyncLocalStorage<RequestContext>();
    let level: string = "info";
    try {
      level = getConfig().logLevel;
    } catch {
      // A bad configuration is reported (and stops the server) by startup.ts.
    }
    const logger = pino({
      level,
      base: { service: "consul-dashboard" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const ctx = context.getStore();
        return ctx ? { reqId: ctx.reqId } : {};
      },
    });
    g[KEY] = { logger, context };
  }
  return g[KEY];
}

/** The dashboard's logger; request-scoped lines get `reqId` automatically. */
export const log: Logger = state().logger;

/** Runs a route handler with the request's id on every line it logs, then logs the answer. */
export async function withRequestLog(req: Request, handle: () => Promise<Response>): Promise<Response> {
  const reqId = req.headers.get("x-request-id") ?? "-";
  const started = performance.now();
  return state().context.run({ reqId }, async () => {
    const res = await handle();
    const url = new URL(req.url);
    log.info({ method: req.method, path: url.pathname, status: res.status, ms: Math.round(performance.now() - started) }, "request");
    return res;
  });
}
