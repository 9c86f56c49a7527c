import { describe, expect, it } from "vitest";
import { Lifecycle } from "./lifecycle";

describe("Lifecycle", () => {
  it("stops parts in reverse order, once, even when one fails", async () => {
    const life = new Lifecycle();
    const order: string[] = [];
    await life.add("agent", async () => void order.push("agent"));
    await life.add("estate", async () => {
      order.push("estate");
      throw new Error("boom");
    });
    await life.add("app", async () => void order.push("app"));
    const logs: string[] = [];
    await Promise.all([life.shutdown((m) => logs.push(m)), life.shutdown()]);
    expect(order).toEqual(["app", "estate", "agent"]);
    expect(logs).toContain("could not stop estate: Error: boom");
  });

  it("stops at once a part that finished starting after shutdown began", async () => {
    const life = new Lifecycle();
    await life.shutdown();
    let stopped = false;
    await life.add("late", async () => void (stopped = true));
    expect(stopped).toBe(true);
  });
});
