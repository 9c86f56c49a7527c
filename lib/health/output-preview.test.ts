import { describe, expect, it } from "vitest";
import { outputPreview } from "./output-preview";

describe("outputPreview", () => {
  it("keeps short output whole", () => {
    expect(outputPreview("HTTP GET http://x: 200 OK\n")).toEqual({ head: "HTTP GET http://x: 200 OK", truncated: false, lines: 1 });
  });
  it("cuts after six lines", () => {
    const text = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
    const p = outputPreview(text);
    expect(p.head.split("\n")).toHaveLength(6);
    expect(p.truncated).toBe(true);
    expect(p.lines).toBe(20);
  });
  it("cuts one huge line (an HTML body) by characters", () => {
    const p = outputPreview(`<html>${"x".repeat(4000)}</html>`);
    expect(p.head.length).toBe(480);
    expect(p.truncated).toBe(true);
  });
  it("treats CRLF like LF", () => {
    expect(outputPreview("a\r\nb").truncated).toBe(false);
  });
});
