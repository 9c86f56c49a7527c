import "server-only";
import type { History } from "@/lib/api/history";
import { getHistory, historyKey } from "./recorder";

/** The stored history of a datacenter (and one service), loading its file on first use. */
export async function readHistory(dc: string | undefined, service: string | undefined): Promise<History> {
  const history = getHistory();
  const key = historyKey(dc);
  await history.ensureLoaded(key);
  const { store } = history;
  return {
    dc: dc ?? null,
    stepMs: 60_000,
    windowMs: store.minutes * 60_000,
    totals: store.datacenterSeries(key),
    service: service === undefined ? null : { name: service, points: store.serviceSeries(key, service) },
  };
}
