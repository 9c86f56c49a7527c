import { tokenCookie } from "@/lib/server/auth/operator";
import { route } from "@/lib/server/http/route";
import { assertSameOrigin } from "@/lib/server/http/same-origin";
import { noStore } from "@/lib/server/http/request";

export const dynamic = "force-dynamic";

export const POST = route(async (req: Request) => {
  assertSameOrigin(req);
  return Response.json({ signedIn: false }, { headers: { ...noStore, "set-cookie": tokenCookie("", false) } });
});
