"use client";

import { useQuery } from "@tanstack/react-query";
import { historyQuery } from "./queries";

export function useHistory(dc: string | undefined, service?: string) {
  return useQuery(historyQuery(dc, service));
}
