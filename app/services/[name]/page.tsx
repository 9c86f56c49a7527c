import { notFound } from "next/navigation";
import { ServiceView } from "@/components/services/service-view";
import { ErrorPanel } from "@/components/ui/error-panel";
import { checkDatacenter, listDatacenters } from "@/lib/server/health/datacenters";
import { serviceFirstScreen } from "@/lib/server/health/first-screen";
import { serviceExists } from "@/lib/server/health/service-exists";
import { describeError } from "@/lib/server/http/errors";

export const dynamic = "force-dynamic";

export default async function ServicePage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ dc?: string }>;
}) {
  const [{ name: raw }, { dc: dcParam }] = await Promise.all([params, searchParams]);
  const name = decodeURIComponent(raw);
  const dc = dcParam || undefined;
  const problem = await checkDatacenter(dc).then(
    () => undefined,
    (err: unknown) => describeError(err).message,
  );
  if (problem) return <ErrorPanel title="Cannot show this datacenter" message={problem} backHref="/" />;
  if ((await serviceExists(dc, name)) === false) notFound();
  // For the DNS name: the local datacenter is the first Consul lists.
  const dcName = dc ?? (await listDatacenters().then((l) => l[0], () => undefined));
  // The service as the server's warm watch has it goes into the HTML; the live stream takes over.
  const initial = await serviceFirstScreen(dc, name);
  return <ServiceView name={name} dc={dc} dcName={dcName} initial={initial} />;
}
