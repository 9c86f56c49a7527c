import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServiceDetail, WatchState } from "@/lib/api/live";
import { recordHistory, type RecordedWatch } from "./recorder";
import { HistoryStore } from "./store";

/** A watch the test drives: not ready until told, then live with one service. */
function fakeWatch() {
  const listeners: (() => void)[] = [];
  const w = {
    dc: "recorder-test",
    ready: false,
    stopped: false,
    state: { status: "connecting" } as unknown as WatchState,
    services: () => [{ detail: { name: "web", status: "OK" } as unknown as ServiceDetail }],
    subscribe(l: () => void) {
      listeners.push(l);
      return () => {};
    },
    notify: () => listeners.forEach((l) => l()),
  };
  return w satisfies RecordedWatch;
}

describe("recordHistory", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("loads the history file only once the watch has its first full read (and the pages waiting for it have gone), then records", async () => {
    vi.useFakeTimers();
    const load = vi.spyOn(HistoryStore.prototype, "load");
    const record = vi.spyOn(HistoryStore.prototype, "record");
    const w = fakeWatch();
    recordHistory(w);
    // Start-up and answers before the first full read: the file is left alone.
    w.notify();
    w.notify();
    expect(load).not.toHaveBeenCalled();

    w.ready = true;
    w.state = { status: "live" } as unknown as WatchState;
    w.notify();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith("recorder-test");
    await vi.waitFor(() => expect(record).toHaveBeenCalledTimes(1));
    // Later answers record again; the file is not loaded twice.
    w.notify();
    await vi.waitFor(() => expect(record).toHaveBeenCalledTimes(2));
    expect(load).toHaveBeenCalledTimes(1);
  });
});
