import { SignInBody } from "@/lib/api/kv";
import { checkToken, tokenCookie } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { assertSameOrigin } from "@/lib/server/http/same-origin";
import { noStore, readBody } from "@/lib/server/http/request";

export const dynamic = "force-dynamic";

/** Checks the token with /v1/acl/token/self, then keeps it in an httpOnly, SameSite=Strict cookie. */
export const POST = route(async (req: Request) => {
  assertSameOrigin(req);
  const { token } = await readBody(req, SignInBody);
  const who = await checkToken(token);
  const secure = new URL(req.url).protocol === "https:";
  return Response.json(
    { signedIn: true, accessor: who.accessor, description: who.description },
    { headers: { ...noStore, "set-cookie": tokenCookie(token, secure) } },
  );
});
