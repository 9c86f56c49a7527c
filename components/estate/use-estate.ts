"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { EstateSchema } from "@/lib/api/estate";
import { estateQueries } from "./queries";
import { on, useEventStream } from "./use-event-stream";

export const ESTATE_STREAM = "datacenters";

/** Every datacenter at once, live (`/api/events?scope=datacenters`). */
export function useEstate() {
  const qc = useQueryClient();
  useEventStream(ESTATE_STREAM, "/api/events?scope=datacenters", {
    estate: on(EstateSchema, (e) => qc.setQueryData(estateQueries.estate().queryKey, e)),
  });
  const estate = useQuery(estateQueries.estate()).data;
  const conn = useQuery(estateQueries.connection(ESTATE_STREAM)).data;
  return { estate, conn };
}
