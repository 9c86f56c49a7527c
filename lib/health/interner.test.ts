import { describe, expect, it } from "vitest";
import { Interner, NO_META, NO_STRINGS } from "./interner";

describe("Interner", () => {
  it("returns the first of equal strings and one frozen array per distinct list", () => {
    const i = new Interner();
    const a = i.str(["bench", "svc"].join("-"));
    expect(i.str(["bench", "svc"].join("-"))).toBe(a);
    const tags = i.list(["team-1", "v2"]);
    expect(i.list(["team-1", "v2"])).toBe(tags);
    expect(tags).toEqual(["team-1", "v2"]);
    expect(Object.isFrozen(tags)).toBe(true);
    expect(i.list(["v2", "team-1"])).not.toBe(tags);
  });

  it("does not confuse a list with a comma in a tag with a list of two tags", () => {
    const i = new Interner();
    expect(i.list(["a,b"])).toEqual(["a,b"]);
    expect(i.list(["a", "b"])).toEqual(["a", "b"]);
  });

  it("shares one frozen empty list and one frozen empty map", () => {
    const i = new Interner();
    expect(i.list([])).toBe(NO_STRINGS);
    expect(Object.isFrozen(NO_STRINGS) && Object.isFrozen(NO_META)).toBe(true);
    expect(() => (NO_STRINGS as string[]).push("x")).toThrow(TypeError);
  });
});
