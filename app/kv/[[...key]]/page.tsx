import { KvScreen, type KvTarget } from "@/components/kv/kv-screen";
import { ErrorPanel } from "@/components/ui/error-panel";
import { asFolder } from "@/lib/kv/key";
import { redirect } from "next/navigation";
import type { KvAccess } from "@/lib/api/kv";
import { revokeSession, type Operator } from "@/lib/server/auth/operator";
import { herePath, pageOperator } from "@/lib/server/auth/page-access";
import { getConfig } from "@/lib/server/config";
import { isTokenGone } from "@/lib/server/consul/acl";
import { isConsulError } from "@/lib/server/consul/errors";
import { readEntry } from "@/lib/server/consul/kv";
import { describeError } from "@/lib/server/http/errors";
import { writeAccess } from "@/lib/server/kv/access";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

/**
 * /kv/<path> names a key or a folder. `?key=` and `?folder=` carry exact
 * paths a URL cannot (`//`, `.` segments, trailing "/" keys); `?view=folder`
 * picks the folder when a key of the same name exists too.
 */
export default async function KvPage({ params, searchParams }: { params: Promise<{ key?: string[] }>; searchParams: Promise<Search> }) {
  const [{ key: segments = [] }, sp] = await Promise.all([params, searchParams]);
  const config = getConfig();
  const here = herePath(`/kv${segments.length ? `/${segments.join("/")}` : ""}`, sp);
  const op = await pageOperator(here);
  let target: KvTarget;
  try {
    target = await resolveTarget(segments, sp, op.token);
  } catch (err) {
    // Consul accepted the connection but did not answer in time: say so now, not after another wait in the browser.
    return <ErrorPanel title="Cannot show this key" message={describeError(err).message} />;
  }
  const access = await accessOrEnd(op, target.kind === "key" ? target.key : target.prefix, here);
  return (
    <KvScreen
      target={target}
      access={access}
      maxValueBytes={config.kvMaxValueBytes}
      operator={op.signedIn ? { accessor: op.who, description: op.description } : null}
      signInHref={`/sign-in?next=${encodeURIComponent(here)}`}
    />
  );
}

/** What the screen may offer here; a token Consul no longer knows ends the session (and says so on the sign-in page). */
async function accessOrEnd(op: Operator, path: string, here: string): Promise<KvAccess> {
  try {
    return await writeAccess(op, path);
  } catch (err) {
    if (!isTokenGone(err)) throw err;
    revokeSession(op.session);
    redirect(`/api/auth/session-ended?reason=token_gone&next=${encodeURIComponent(here)}`);
  }
}

async function resolveTarget(segments: string[], sp: Search, token: string | undefined): Promise<KvTarget> {
  if (typeof sp.key === "string") return { kind: "key", key: sp.key };
  if (typeof sp.folder === "string") return { kind: "folder", prefix: asFolder(sp.folder) };
  const path = segments.map(safeDecode).join("/");
  if (path === "" || sp.view === "folder") return { kind: "folder", prefix: asFolder(path) };
  // A key wins over a folder of the same name; on error show the key view, which reports it.
  const entry = await readEntry(path, token).catch((err: unknown) => {
    if (isConsulError(err) && err.kind === "timeout") throw err;
    return "error" as const;
  });
  return entry ? { kind: "key", key: path } : { kind: "folder", prefix: asFolder(path) };
}

/** Next hands catch-all segments over still percent-encoded in some versions; decode once, tolerating stray "%". */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
