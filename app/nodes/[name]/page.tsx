import { notFound } from "next/navigation";
import { NodeDetailView } from "@/components/nodes/node-detail-view";
import { ErrorPanel } from "@/components/ui/error-panel";
import { decodeName, nameProblem } from "@/lib/health/names";
import { herePath, pageOperator } from "@/lib/server/auth/page-access";
import { checkDatacenter } from "@/lib/server/health/datacenters";
import { getNodeDetail } from "@/lib/server/health/node-detail";
import { describeError } from "@/lib/server/http/errors";

export const dynamic = "force-dynamic";


export default async function NodePage({ params, searchParams }: { params: Promise<{ name: string }>; searchParams: Promise<{ dc?: string }> }) {
  const [{ name: raw }, { dc: dcParam }] = await Promise.all([params, searchParams]);
  await pageOperator(herePath(`/nodes/${raw}`, { dc: dcParam }));
  const name = decodeName(raw);
  // A name no Consul node can have here (".." in any spelling, "/", control characters): 404, nothing asked.
  if (name === null || nameProblem(name, "node") !== null) notFound();
  const dc = dcParam || undefined;
  const problem = await checkDatacenter(dc).then(
    () => undefined,
    (err: unknown) => describeError(err).message,
  );
  if (problem) return <ErrorPanel title="Cannot show this datacenter" message={problem} backHref="/nodes" />;
  // Consul is asked once here (shared with the page's first API read) so an unknown node is a real 404.
  const exists = await getNodeDetail(dc, name).then(
    (n) => n !== null,
    () => undefined,
  );
  if (exists === false) notFound();
  return <NodeDetailView name={name} dc={dc} />;
}
