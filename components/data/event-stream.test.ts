import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { HEARTBEAT_SECONDS, SILENCE_HEARTBEATS } from "@/lib/api/live";
import type { ConnectionState } from "@/components/health/queries";
import { keepStreamOpen, parseEvent } from "./event-stream";

/** Just enough of the browser's EventSource to drive the stream by hand. */
class FakeSource {
  static readonly CLOSED = 2;
  static all: FakeSource[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((e: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeSource.all.push(this);
  }
  addEventListener(name: string, fn: (e: { data: string }) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }
  emit(name: string, data = "") {
    for (const fn of this.listeners.get(name) ?? []) fn({ data });
  }
  close() {
    this.readyState = FakeSource.CLOSED;
  }
}

const KEY = ["test", "connection"];
const SILENCE_MS = HEARTBEAT_SECONDS * SILENCE_HEARTBEATS * 1000;

describe("keepStreamOpen", () => {
  let qc: QueryClient;
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSource.all = [];
    vi.stubGlobal("EventSource", FakeSource);
    qc = new QueryClient();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  const status = () => qc.getQueryData<ConnectionState>(KEY)?.status;

  it("is connecting, then open, and hands each event's data to its handler as a sign of life", () => {
    const got: string[] = [];
    const heard = vi.fn();
    keepStreamOpen(qc, { url: "/api/x", connectionKey: KEY, events: { delta: (d) => got.push(d) }, heard });
    expect(status()).toBe("connecting");
    const s = FakeSource.all[0]!;
    s.onopen?.();
    expect(status()).toBe("open");
    s.emit("delta", '{"n":1}');
    s.emit("ping");
    expect(got).toEqual(['{"n":1}']);
    expect(heard).toHaveBeenCalledTimes(3);
  });

  it("marks a silent stream dropped and reopens it; heartbeats keep it open", () => {
    keepStreamOpen(qc, { url: "/api/x", connectionKey: KEY, events: {} });
    FakeSource.all[0]!.onopen?.();
    vi.advanceTimersByTime(SILENCE_MS - 1_000);
    FakeSource.all[0]!.emit("ping");
    vi.advanceTimersByTime(SILENCE_MS - 1_000);
    expect(status()).toBe("open");
    vi.advanceTimersByTime(1_001);
    expect(status()).toBe("dropped");
    expect(FakeSource.all[0]!.readyState).toBe(FakeSource.CLOSED);
    vi.advanceTimersByTime(10_000);
    expect(FakeSource.all).toHaveLength(2);
    // Still "dropped" while the new one connects: not "connecting" again.
    expect(status()).toBe("dropped");
    FakeSource.all[1]!.onopen?.();
    expect(status()).toBe("open");
  });

  it("reopens a stream the browser closed (an HTTP error), and stops for good when disposed", () => {
    const stop = keepStreamOpen(qc, { url: "/api/x", connectionKey: KEY, events: {} });
    const s = FakeSource.all[0]!;
    s.readyState = FakeSource.CLOSED;
    s.onerror?.();
    expect(status()).toBe("dropped");
    vi.advanceTimersByTime(10_000);
    expect(FakeSource.all).toHaveLength(2);
    stop();
    expect(FakeSource.all[1]!.readyState).toBe(FakeSource.CLOSED);
    vi.advanceTimersByTime(60_000);
    expect(FakeSource.all).toHaveLength(2);
  });
});

describe("parseEvent", () => {
  it("returns the event checked against its contract, and skips (and logs) what breaks it", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const schema = z.object({ n: z.number() });
    expect(parseEvent(schema, "delta", '{"n":1}')).toEqual({ n: 1 });
    expect(parseEvent(schema, "delta", '{"n":"1"}')).toBeUndefined();
    expect(parseEvent(schema, "delta", "not json")).toBeUndefined();
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual(['Event "delta" does not match its contract', 'Event "delta" is not JSON']);
    log.mockRestore();
  });
});
