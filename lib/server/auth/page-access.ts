import "server-only";
import { redirect } from "next/navigation";
import { getConfig } from "../config";
import { currentOperator, type Operator } from "./operator";

type Search = Record<string, string | string[] | undefined>;

/** `path` with the page's search params, for coming back after sign-in. */
export function herePath(path: string, search: Search = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, one);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Every page calls this first. A session that ended (expired, signed out elsewhere,
 * token gone) sends the visitor to sign-in with the reason, clearing the cookie on the
 * way; with DASHBOARD_READS=signed-in a visitor without a session is sent to sign in.
 */
export async function pageOperator(here: string): Promise<Operator> {
  const op = await currentOperator();
  if (op.ended) redirect(`/api/auth/session-ended?reason=${op.ended}&next=${encodeURIComponent(here)}`);
  if (getConfig().access.reads === "signed-in" && !op.signedIn) redirect(`/sign-in?next=${encodeURIComponent(here)}`);
  return op;
}
