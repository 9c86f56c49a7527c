import { AuditView } from "@/components/audit/audit-view";
import { ErrorPanel } from "@/components/ui/error-panel";
import { auditFilterFrom } from "@/lib/api/kv-history";
import { herePath, pageOperator } from "@/lib/server/auth/page-access";
import { describeError } from "@/lib/server/http/errors";
import { auditPage } from "@/lib/server/kv/audit-read";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

/** /kv-audit?prefix=&who=&from=&to=&outcome=: every KV write attempt through the dashboard, filterable by URL. */
export default async function KvAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  await pageOperator(herePath("/kv-audit", sp));
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string") params.set(k, v);
  const filter = auditFilterFrom(params);
  const entries = await auditPage({ ...filter, limit: filter.limit ?? 500 }).catch((err: unknown) => describeError(err).message);
  if (typeof entries === "string") return <ErrorPanel title="Cannot show the audit" message={entries} />;
  return <AuditView entries={entries} filter={filter} query={params.toString()} />;
}
