import { Suspense } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EstateWallView } from "@/components/wall/estate-wall-view";
import { WallView } from "@/components/wall/wall-view";
import { herePath, pageOperator } from "@/lib/server/auth/page-access";
import { checkDatacenter, listDatacenters } from "@/lib/server/health/datacenters";
import { wallFirstScreen } from "@/lib/server/health/first-screen";
import { describeError } from "@/lib/server/http/errors";
import { buildId } from "@/lib/server/version";
import { parseWallParams } from "@/lib/wall/params";

export const dynamic = "force-dynamic";

export default async function WallPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  await pageOperator(herePath("/wall", raw));
  const params = parseWallParams({ get: (k) => (typeof raw[k] === "string" ? raw[k] : null) });
  // `?dc=all`: every datacenter's problems on one screen.
  if (params.dc === "all" && params.rotate.length === 0) {
    return (
      <Suspense>
        <EstateWallView buildId={buildId()} />
      </Suspense>
    );
  }
  const dcs = [...new Set([params.dc, ...params.rotate])].filter((d): d is string => d !== undefined);
  // An unknown datacenter in the link is a typo to fix now; Consul being down is not (the wall shows it live).
  for (const dc of dcs) {
    const problem = await checkDatacenter(dc).then(
      () => undefined,
      (err: unknown) => describeError(err).message,
    );
    if (problem) return <ErrorPanel title="Cannot show this wall" message={problem} />;
  }
  const [localDc, initial] = await Promise.all([
    // The header names the datacenter; the local one is the first Consul lists (unknown while Consul is down).
    listDatacenters().then((l) => l[0], () => undefined),
    // The totals and tiles from the server's warm watch go into the HTML; the live stream takes over.
    // A rotating wall changes datacenter on the browser's clock: it waits for each stream.
    params.rotate.length === 0 ? wallFirstScreen(params.dc, params) : undefined,
  ]);
  // No Suspense boundary: the totals are part of the HTML's first chunk, not revealed later by script.
  return <WallView buildId={buildId()} localDc={localDc} initial={initial} />;
}
