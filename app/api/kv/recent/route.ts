import { route } from "@/lib/server/http/route";
import { recentChanges } from "@/lib/server/kv/audit";
import { noStore } from "@/lib/server/http/request";

export const dynamic = "force-dynamic";

export const GET = route(async () => Response.json({ entries: await recentChanges() }, { headers: noStore }));
