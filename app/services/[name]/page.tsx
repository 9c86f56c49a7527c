import { notFound } from "next/navigation";
import { ServiceView } from "@/components/services/service-view";
import { ErrorPanel } from "@/components/ui/error-panel";
import { decodeName, nameProblem } from "@/lib/health/names";
import { herePath, pageOperator } from "@/lib/server/auth/page-access";
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
  await pageOperator(herePath(`/services/${raw}`, { dc: dcParam }));
  const name = decodeName(raw);
  // A name no Consul service can have here (".." in any spelling, "/", control characters): 404, nothing asked.
  if (name === null || nameProblem(name) !== null) notFound();
  const dc = dcParam || undefined;
  // In parallel, so a Consul that does not answer costs one deadline, not three.
  const [problem, exists, dcName] = await Promise.all([
    checkDatacenter(dc).then(
      () => undefined,
      (err: unknown) => describeError(err).message,
    ),
    serviceExistsOnce(dc, name),
    // For the DNS name: the local datacenter is the first Consul lists.
    dc ?? listDatacenters().then((l) => l[0], () => undefined),
  ]);
  if (problem) return <ErrorPanel title="Cannot show this datacenter" message={problem} backHref="/" />;
  if (exists === false) notFound();
  // The service as the server's warm watch has it goes into the HTML; the live stream takes over.
  const initial = await serviceFirstScreen(dc, name);
  return <ServiceView name={name} dc={dc} dcName={dcName} initial={initial} />;
}

/** Existence in a datacenter that may not exist: checked only once the datacenter is known to be valid. */
async function serviceExistsOnce(dc: string | undefined, name: string): Promise<boolean | undefined> {
  if (dc !== undefined) {
    const ok = await checkDatacenter(dc).then(
      () => true,
      () => false,
    );
    if (!ok) return undefined;
  }
  return serviceExists(dc, name);
}
