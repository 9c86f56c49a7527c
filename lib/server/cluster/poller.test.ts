import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClusterHealth } from "@/lib/api/estate";
import { ConsulError } from "../consul/errors";
import { ClusterPoller } from "./poller";

const healthy: ClusterHealth = { status: "healthy", checkedAt: "t", healthy: true, failureTolerance: 1, leader: "s1", servers: [], message: null };

afterEach(() => vi.useRealTimers());

describe("ClusterPoller", () => {
  it("reads each datacenter once per interval however many screens lease it, and stops when the last goes", async () => {
    vi.useFakeTimers();
    const read = vi.fn(async () => healthy);
    const poller = new ClusterPoller(read, 15_000);
    const a = poller.acquire("dc1", () => {});
    const b = poller.acquire("dc1", () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(1);
    expect(poller.health("dc1").status).toBe("healthy");
    await vi.advanceTimersByTimeAsync(15_000);
    expect(read).toHaveBeenCalledTimes(2);
    a();
    b();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(read).toHaveBeenCalledTimes(2);
    expect(poller.health("dc1").status).toBe("pending");
  });

  it("names operator:read when Consul answers 403", async () => {
    const poller = new ClusterPoller(async () => {
      throw new ConsulError("http", "Permission denied: token with AccessorID 'x' lacks permission 'operator:read'", 403);
    });
    const changed = vi.fn();
    const release = poller.acquire("dc2", changed);
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    const h = poller.health("dc2");
    expect(h.status).toBe("forbidden");
    expect(h.message).toContain("operator:read");
    release();
  });
});
