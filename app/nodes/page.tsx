import { Suspense } from "react";
import { NodesView } from "@/components/nodes/nodes-view";
import { ErrorPanel } from "@/components/ui/error-panel";
import { herePath, pageOperator } from "@/lib/server/auth/page-access";
import { checkDatacenter } from "@/lib/server/health/datacenters";
import { describeError } from "@/lib/server/http/errors";

export const dynamic = "force-dynamic";

export default async function NodesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  await pageOperator(herePath("/nodes", raw));
  const dc = typeof raw.dc === "string" && raw.dc ? raw.dc : undefined;
  const problem = await checkDatacenter(dc).then(
    () => undefined,
    (err: unknown) => describeError(err).message,
  );
  if (problem) return <ErrorPanel title="Cannot show this datacenter" message={problem} backHref="/" />;
  return (
    <Suspense>
      <NodesView />
    </Suspense>
  );
}
