import { DatacentersView } from "@/components/datacenters/datacenters-view";
import { herePath, pageOperator } from "@/lib/server/auth/page-access";

export const dynamic = "force-dynamic";

export default async function DatacentersPage() {
  await pageOperator(herePath("/datacenters"));
  return <DatacentersView />;
}
