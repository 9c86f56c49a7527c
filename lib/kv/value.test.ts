import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64, hexDump, utf8Encode } from "./bytes";
import { featureFlags, jsonProblem, sizeProblem, sniffValue, toggleFlag, yamlProblem } from "./value";

describe("value sniffing", () => {
  it("treats invalid UTF-8 as binary and never decodes it lossily", () => {
    const bytes = new Uint8Array([0xff, 0x00, 0xfe, 0x41]);
    expect(sniffValue(bytes)).toEqual({ kind: "binary", size: 4 });
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(hexDump(bytes)).toContain("ff 00 fe 41");
  });

  it("recognises JSON, YAML and plain text", () => {
    expect(sniffValue(utf8Encode('{"a": 1}'))).toMatchObject({ kind: "text", format: "json" });
    expect(sniffValue(utf8Encode("name: api\nreplicas: 3\n"))).toMatchObject({ format: "yaml" });
    expect(sniffValue(utf8Encode("- a\n- b\n"))).toMatchObject({ format: "yaml" });
    expect(sniffValue(utf8Encode("just words"))).toMatchObject({ format: "text" });
    expect(sniffValue(utf8Encode("héllo ✓"))).toMatchObject({ kind: "text", text: "héllo ✓" });
  });

  it("reports JSON and YAML errors with line and column", () => {
    expect(jsonProblem('{\n  "a": 1,\n}')).toMatchObject({ line: 3, column: 1 });
    expect(jsonProblem('{"a": tru}')).toMatchObject({ line: 1 });
    expect(jsonProblem('{"a": true}')).toBeNull();
    expect(yamlProblem("a: 1\nb: [1, 2\n")).toMatchObject({ line: expect.any(Number) as number });
    expect(yamlProblem("a: 1\n")).toBeNull();
  });

  it("finds feature flags and toggles one keeping the layout", () => {
    expect(featureFlags('{"dark_mode": true, "new_checkout": false}')).toEqual({ dark_mode: true, new_checkout: false });
    expect(featureFlags('{"a": true, "b": 1}')).toBeNull();
    expect(featureFlags("{}")).toBeNull();
    expect(toggleFlag('{"a":true,"b":false}', "b", true)).toBe('{"a":true,"b":true}');
    expect(toggleFlag('{\n  "a": true\n}\n', "a", false)).toBe('{\n  "a": false\n}\n');
  });

  it("names the size limit", () => {
    expect(sizeProblem(524288, 524288)).toBeNull();
    expect(sizeProblem(524289, 524288)).toMatch(/524288 bytes/);
  });

  it("rejects text that is not base64", () => {
    expect(() => base64ToBytes("not base64!")).toThrow(/not valid base64/);
  });
});
