import { queryOptions } from "@tanstack/react-query";
import { VersionSchema } from "@/lib/api/version";
import { callApi } from "@/components/data/call-api";

/** The build id of the dashboard now serving. */
export function versionQuery() {
  return queryOptions({
    queryKey: ["version"],
    queryFn: async () => (await callApi("/api/version", VersionSchema)).buildId,
  });
}
