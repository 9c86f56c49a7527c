import { ServiceOverview } from "@/components/services/service-overview";
import { getOverview } from "@/lib/server/health/overview";
import { describeError } from "@/lib/server/http/errors";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ dc?: string }> }) {
  const { dc } = await searchParams;
  const result = await getOverview(dc || undefined).then(
    (overview) => ({ overview }),
    (err: unknown) => ({ error: describeError(err).message }),
  );
  return <ServiceOverview {...result} />;
}
