import { describe, expect, it } from "vitest";
import type { LiveSummary, OverviewSnapshot, ServiceDetail, Transition } from "@/lib/api/live";
import { applyDelta, applyServiceEvent, applySnapshot, FEED_LIMIT, mergeTransitions, type OverviewData } from "./live-merge";

const svc = (name: string, status: LiveSummary["status"] = "OK"): LiveSummary => ({
  name,
  tags: [],
  healthy: status === "DOWN" ? 0 : 1,
  total: 1,
  status,
  inMaintenance: 0,
  failingChecks: [],
  since: "2024-01-01T00:00:00.000Z",
  sinceExact: true,
});

const tr = (seq: number, service = "web"): Transition => ({
  seq,
  at: new Date(seq * 1_000).toISOString(),
  service,
  instance: null,
  from: "OK",
  to: "DOWN",
});

const snapshot = (services: LiveSummary[], transitions: Transition[]): OverviewSnapshot => ({
  dc: "dc1",
  state: { status: "live", since: "2024-01-01T00:00:00.000Z", message: null, lastUpdate: null, lastContactMs: 0, source: "public", filteredByAcls: false },
  services,
  transitions,
});

const seqs = (ts: Transition[]) => ts.map((t) => t.seq);

describe("mergeTransitions", () => {
  it("puts the newer ones first, newest first, without duplicates", () => {
    expect(seqs(mergeTransitions([tr(3), tr(2)], [tr(4), tr(5), tr(3)]))).toEqual([5, 4, 3, 2]);
  });

  it("keeps at most FEED_LIMIT, dropping the oldest", () => {
    const older = Array.from({ length: FEED_LIMIT }, (_, i) => tr(FEED_LIMIT - i));
    const merged = mergeTransitions(older, [tr(FEED_LIMIT + 1), tr(FEED_LIMIT + 2)]);
    expect(merged).toHaveLength(FEED_LIMIT);
    expect(merged[0]?.seq).toBe(FEED_LIMIT + 2);
    expect(merged.at(-1)?.seq).toBe(3);
  });
});

describe("applySnapshot", () => {
  it("replaces every service, keyed by name", () => {
    const prev: OverviewData = { services: { gone: svc("gone") }, transitions: [] };
    const next = applySnapshot(prev, snapshot([svc("web"), svc("db", "DOWN")], []));
    expect(Object.keys(next.services).sort()).toEqual(["db", "web"]);
    expect(next.services.db?.status).toBe("DOWN");
  });

  it("adds the snapshot's transitions to the feed once (a reconnect repeats them)", () => {
    const prev: OverviewData = { services: {}, transitions: [tr(2), tr(1)] };
    expect(seqs(applySnapshot(prev, snapshot([], [tr(3), tr(2)])).transitions)).toEqual([3, 2, 1]);
  });

  it("starts a feed when there was nothing before", () => {
    const next = applySnapshot(undefined, snapshot([svc("web")], [tr(1)]));
    expect(next).toEqual({ services: { web: svc("web") }, transitions: [tr(1)] });
  });
});

describe("applyDelta", () => {
  const prev: OverviewData = { services: { web: svc("web"), db: svc("db"), cache: svc("cache") }, transitions: [tr(1)] };

  it("replaces changed services, adds new ones and drops removed ones", () => {
    const next = applyDelta(prev, { changed: [svc("web", "DEGRADED"), svc("queue")], removed: ["cache"], transitions: [] });
    expect(next?.services).toEqual({ web: svc("web", "DEGRADED"), db: svc("db"), queue: svc("queue") });
  });

  it("appends its transitions newest first", () => {
    const next = applyDelta(prev, { changed: [], removed: [], transitions: [tr(2), tr(3)] });
    expect(seqs(next?.transitions ?? [])).toEqual([3, 2, 1]);
  });

  it("caps the feed as a snapshot does", () => {
    const many = Array.from({ length: FEED_LIMIT + 10 }, (_, i) => tr(i + 2));
    expect(applyDelta(prev, { changed: [], removed: [], transitions: many })?.transitions).toHaveLength(FEED_LIMIT);
  });

  it("does not change what it was given", () => {
    const before = structuredClone(prev);
    applyDelta(prev, { changed: [svc("web", "DOWN")], removed: ["db"], transitions: [tr(9)] });
    expect(prev).toEqual(before);
  });

  it("is dropped before the first snapshot", () => {
    expect(applyDelta(undefined, { changed: [svc("web")], removed: [], transitions: [tr(1)] })).toBeUndefined();
  });
});

describe("applyServiceEvent", () => {
  const detail: ServiceDetail = { ...svc("web"), instances: [] };

  it("takes the whole service and merges the transitions", () => {
    const next = applyServiceEvent({ service: null, transitions: [tr(1)] }, { dc: "dc1", service: detail, transitions: [tr(2), tr(1)] });
    expect(next.service).toEqual(detail);
    expect(seqs(next.transitions)).toEqual([2, 1]);
  });

  it("records a service that is no longer registered as null", () => {
    expect(applyServiceEvent({ service: detail, transitions: [] }, { dc: "dc1", service: null, transitions: [] }).service).toBeNull();
  });

  it("starts from nothing", () => {
    expect(applyServiceEvent(undefined, { dc: null, service: detail, transitions: [tr(4)] })).toEqual({ service: detail, transitions: [tr(4)] });
  });
});
