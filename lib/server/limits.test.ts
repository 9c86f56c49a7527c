import { describe, expect, it, vi } from "vitest";
import { BusyError, Semaphore } from "./limits";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("Semaphore", () => {
  it("runs at most `concurrency` tasks, queues the rest in order, refuses beyond the queue", async () => {
    const sem = new Semaphore("tests", 2, 2);
    const gates = Array.from({ length: 4 }, deferred);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      sem.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(sem.active).toBe(2);
    expect(sem.queued).toBe(2);
    await expect(sem.run(async () => 99)).rejects.toBeInstanceOf(BusyError);
    gates[1]?.resolve();
    await runs[1];
    // The freed slot goes to the first queued task: poll for it, no fixed wait.
    await vi.waitFor(() => expect(started).toEqual([0, 1, 2]));
    for (const g of gates) g.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(sem.active).toBe(0);
    expect(sem.queued).toBe(0);
  });

  it("frees the slot when a task fails", async () => {
    const sem = new Semaphore("tests", 1, 0);
    await expect(sem.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await sem.run(async () => "ok")).toBe("ok");
  });

  it("says busy with a 503 kind", async () => {
    const sem = new Semaphore("key searches", 1, 0);
    const gate = deferred();
    const first = sem.run(() => gate.promise);
    const err = await sem.run(async () => 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusyError);
    expect((err as BusyError).status).toBe(503);
    expect((err as BusyError).message).toMatch(/busy with other key searches.*try again/);
    gate.resolve();
    await first;
  });
});
