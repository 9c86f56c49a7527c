import { currentOperator, endSession } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { assertSameOrigin } from "@/lib/server/http/same-origin";
import { noStore } from "@/lib/server/http/request";

export const dynamic = "force-dynamic";

/** Ends the session for good: its id is revoked, so a copy of the cookie no longer works either. */
export const POST = route(async (req: Request) => {
  assertSameOrigin(req);
  const op = await currentOperator();
  return Response.json({ signedIn: false }, { headers: { ...noStore, "set-cookie": endSession(req, op.session) } });
});
