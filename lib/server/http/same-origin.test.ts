import { describe, expect, it } from "vitest";
import { HttpError } from "./http-error";
import { assertSameOrigin } from "./same-origin";

const req = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/kv", { method: "PUT", headers });

describe("same-origin writes", () => {
  it("accepts the browser's same-origin marker or a matching Origin", () => {
    expect(() => assertSameOrigin(req({ "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOrigin(req({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).not.toThrow();
  });

  it("refuses cross-site, mismatched or missing origins", () => {
    const cases: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" },
      { "sec-fetch-site": "same-site" },
      { origin: "http://evil.example", host: "127.0.0.1:3000" },
      { origin: "null", host: "127.0.0.1:3000" },
      { host: "127.0.0.1:3000" },
    ];
    for (const h of cases) {
      expect(() => assertSameOrigin(req(h))).toThrow(HttpError);
    }
  });
});
