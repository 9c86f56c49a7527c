import { currentOperator } from "@/lib/server/auth/operator";
import { getConfig } from "@/lib/server/config";
import { route } from "@/lib/server/http/route";
import { noStore } from "@/lib/server/kv/request";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const op = await currentOperator();
  return Response.json(
    { signedIn: op.token !== undefined, accessor: op.token ? op.who : null, description: op.description, readOnly: getConfig().readOnly },
    { headers: noStore },
  );
});
