import { SignInBody } from "@/lib/api/kv";
import { checkToken, startSession } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { assertSameOrigin } from "@/lib/server/http/same-origin";
import { noStore, readBody } from "@/lib/server/http/request";

export const dynamic = "force-dynamic";

/** Checks the token with /v1/acl/token/self, then starts a session: the browser gets a sealed cookie, never the token. */
export const POST = route(async (req: Request) => {
  assertSameOrigin(req);
  const { token, keepSignedIn } = await readBody(req, SignInBody);
  const who = await checkToken(token);
  return Response.json(
    { signedIn: true, accessor: who.accessor, description: who.description },
    { headers: { ...noStore, "set-cookie": await startSession(req, token, who, keepSignedIn ?? false) } },
  );
});
