import { KvScreen, type KvTarget } from "@/components/kv/kv-screen";
import { ErrorPanel } from "@/components/ui/error-panel";
import { asFolder } from "@/lib/kv/key";
import { currentOperator } from "@/lib/server/auth/operator";
import { getConfig } from "@/lib/server/config";
import { isConsulError } from "@/lib/server/consul/errors";
import { readEntry } from "@/lib/server/consul/kv";
import { describeError } from "@/lib/server/http/errors";

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
  const op = await currentOperator();
  let target: KvTarget;
  try {
    target = await resolveTarget(segments, sp, op.token);
  } catch (err) {
    // Consul accepted the connection but did not answer in time: say so now, not after another wait in the browser.
    return <ErrorPanel title="Cannot show this key" message={describeError(err).message} />;
  }
  return <KvScreen target={target} readOnly={config.readOnly} maxValueBytes={config.kvMaxValueBytes} operator={op.token ? op.who : null} />;
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
