import { OverviewView } from "@/components/services/overview-view";
import { ErrorPanel } from "@/components/ui/error-panel";
import { herePath, pageOperator } from "@/lib/server/auth/page-access";
import { parseOverviewParams } from "@/lib/health/view";
import { checkDatacenter } from "@/lib/server/health/datacenters";
import { overviewFirstScreen } from "@/lib/server/health/first-screen";
import { describeError } from "@/lib/server/http/errors";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  await pageOperator(herePath("/", { dc: typeof raw.dc === "string" ? raw.dc : undefined }));
  const view = parseOverviewParams({ get: (k) => (typeof raw[k] === "string" ? raw[k] : null) });
  const problem = await checkDatacenter(view.dc).then(
    () => undefined,
    (err: unknown) => describeError(err).message,
  );
  if (problem) return <ErrorPanel title="Cannot show this datacenter" message={problem} backHref="/" />;
  // The first screenful from the server's warm watch goes into the HTML; the live stream takes over.
  const initial = await overviewFirstScreen(view);
  // No Suspense boundary here: the rows are part of the HTML's first chunk. Inside one they would
  // arrive hidden and be revealed by a script after the rest of the payload (React batches reveals).
  return <OverviewView initial={initial} />;
}
