import { describe, expect, it } from "vitest";
import { parseDemoOptions, parsePort } from "./options";

describe("demo options", () => {
  it("defaults to no port (3000 if free is decided later)", () => {
    expect(parseDemoOptions([], {})).toEqual({ help: false });
    expect(parseDemoOptions([], { PORT: "  " })).toEqual({ help: false });
  });
  it("takes PORT, and --port over PORT", () => {
    expect(parseDemoOptions([], { PORT: "4000" }).port).toBe(4000);
    expect(parseDemoOptions(["--port", "4100"], { PORT: "4000" }).port).toBe(4100);
  });
  it("names the bad source and value", () => {
    expect(() => parsePort("80a", "PORT")).toThrow('PORT must be a port number from 1 to 65535, got "80a"');
    expect(() => parsePort("70000", "--port")).toThrow(/--port must be/);
    expect(() => parsePort("0", "PORT")).toThrow(/PORT must be/);
    expect(() => parseDemoOptions(["--bogus"], {})).toThrow(/bogus/);
  });
});
