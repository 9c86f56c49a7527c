import { Suspense } from "react";
import { OverviewView } from "@/components/services/overview-view";
import { ErrorPanel } from "@/components/ui/error-panel";
import { herePath, pageOperator } from "@/lib/server/auth/page-access";
import { checkDatacenter } from "@/lib/server/health/datacenters";
import { describeError } from "@/lib/server/http/errors";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ dc?: string }> }) {
  const { dc } = await searchParams;
  await pageOperator(herePath("/", { dc }));
  const problem = await checkDatacenter(dc || undefined).then(
    () => undefined,
    (err: unknown) => describeError(err).message,
  );
  if (problem) return <ErrorPanel title="Cannot show this datacenter" message={problem} backHref="/" />;
  return (
    <Suspense>
      <OverviewView />
    </Suspense>
  );
}
