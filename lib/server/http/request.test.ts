import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpError } from "./http-error";
import { readBody, readLimited } from "./request";

const lim = (bytes: number) => ({ bytes, why: "a test limit" });

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/api/kv", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A body streamed in chunks, with no Content-Length (or a false one). */
function streamed(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ >= chunks) return controller.close();
      controller.enqueue(new Uint8Array(size));
    },
  });
}

async function refusal(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("request body limit", () => {
  it("reads a body within the limit", async () => {
    expect((await readLimited(post("12345"), lim(5))).toString()).toBe("12345");
    expect(await readBody(post('{"a":1}'), z.object({ a: z.number() }), lim(100))).toEqual({ a: 1 });
  });

  it("refuses by Content-Length before reading", async () => {
    const err = await refusal(readLimited(post("x", { "content-length": "1000" }), lim(10)));
    expect(err.status).toBe(413);
    expect(err.message).toContain("10 bytes: a test limit");
  });

  it("counts while streaming when the length is missing or false", async () => {
    expect((await refusal(readLimited(post(streamed(100, 1024)), lim(10_000)))).status).toBe(413);
    expect((await refusal(readLimited(post(streamed(100, 1024), { "content-length": "5" }), lim(10_000)))).status).toBe(413);
    expect((await readLimited(post(streamed(9, 1024)), lim(10_000))).length).toBe(9 * 1024);
  });

  it("names the field of a body that breaks the contract", async () => {
    const err = await refusal(readBody(post('{"a":"x"}'), z.object({ a: z.number() }), lim(100)));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/^a: /);
    expect((await refusal(readBody(post("{nope"), z.object({}), lim(100)))).message).toContain("not JSON");
  });
});
