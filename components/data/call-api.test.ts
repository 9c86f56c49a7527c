import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiFailure, apiUrl, callApi } from "./call-api";

const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

afterEach(() => vi.unstubAllGlobals());

describe("callApi", () => {
  it("sends a JSON body and returns the answer parsed with its contract", async () => {
    const fetch = answer(200, { n: 1, extra: true });
    vi.stubGlobal("fetch", fetch);
    await expect(callApi("/api/x", z.object({ n: z.number() }), { method: "POST", json: { a: 1 } })).resolves.toEqual({ n: 1 });
    expect(fetch).toHaveBeenCalledWith("/api/x", expect.objectContaining({ body: '{"a":1}', cache: "no-store", headers: { "content-type": "application/json" } }));
  });

  it("turns our error answer into an ApiFailure with its kind, status, message and body", async () => {
    const body = { error: { kind: "conflict", message: "changed meanwhile" }, current: null };
    vi.stubGlobal("fetch", answer(409, body));
    const err: unknown = await callApi("/api/kv", z.unknown()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect(err).toMatchObject({ status: 409, kind: "conflict", message: "changed meanwhile", body });
  });

  it("names the HTTP status when the error answer is not ours", async () => {
    vi.stubGlobal("fetch", answer(502, "bad gateway"));
    await expect(callApi("/api/x", z.unknown())).rejects.toMatchObject({ status: 502, kind: "http", message: "The dashboard answered HTTP 502" });
  });

  it("refuses an answer that breaks the contract", async () => {
    vi.stubGlobal("fetch", answer(200, { n: "one" }));
    await expect(callApi("/api/x", z.object({ n: z.number() }))).rejects.toMatchObject({ kind: "bad_answer" });
  });

  it("reports a server that does not answer", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(callApi("/api/x", z.unknown())).rejects.toMatchObject({ status: 0, kind: "network", message: "The dashboard server did not answer: Failed to fetch" });
  });
});

describe("apiUrl", () => {
  it("leaves out unset parameters", () => {
    expect(apiUrl("/api/history", { dc: undefined, service: "web api" })).toBe("/api/history?service=web+api");
    expect(apiUrl("/api/events", { dc: undefined })).toBe("/api/events");
  });
});
