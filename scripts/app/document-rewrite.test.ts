import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createGunzip, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { withFirstFrameScripts } from "./document-rewrite.mjs";

const HEAD = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async="" nonce="N"></script></head><body><p data-service="web">web</p>`;
const TAIL = `<script src="/_next/static/chunks/page.js" nonce="N" async=""></script></body></html>`;

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A stand-in for Next's listener: the head at once, the rest when `release` is called; what it saw of the request. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = http.createServer(withFirstFrameScripts(handler));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A GET; `onText` sees the document as it arrives, decompressed. */
function get(url: string, headers: Record<string, string>, onText?: (soFar: string) => void): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const parts: Buffer[] = [];
        let text = "";
        const inflate = res.headers["content-encoding"] === "gzip" ? createGunzip() : undefined;
        inflate?.on("data", (c: Buffer) => onText?.((text += c.toString("utf8"))));
        res.on("data", (c: Buffer) => {
          parts.push(c);
          if (inflate) inflate.write(c);
          else onText?.((text += c.toString("utf8")));
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      })
      .on("error", reject);
  });
}

const BROWSER = { accept: "text/html,application/xhtml+xml", "accept-encoding": "gzip, deflate, br" };

describe("document rewrite around Next's listener", () => {
  it("rewrites a page a browser navigates to, gzip'd, and streams it", async () => {
    let sawEncoding: string | undefined = "unset";
    let finish: (() => void) | undefined;
    const url = await serve((req, res) => {
      sawEncoding = req.headers["accept-encoding"];
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(HEAD);
      finish = () => res.end(TAIL);
    });
    // The server ends the document only once the browser can read its first row: a rewrite (or a
    // gzip stream) that held the document back until its end would never answer, and the test
    // would time out.
    const res = await get(`${url}/services/web`, BROWSER, (soFar) => {
      if (soFar.includes('data-service="web"')) finish?.();
    });
    expect(sawEncoding, "Next is not asked to compress it").toBeUndefined();
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    const html = gunzipSync(res.body).toString("utf8");
    expect(html).not.toMatch(/<script[^>]*src="\/_next\/static\/chunks\/(a|page)\.js"/);
    expect(html).toContain('<p data-service="web">web</p>');
    expect(html).toMatch(/<script nonce="N">\(function\(\)\{var s=\["\/_next\/static\/chunks\/a\.js","\/_next\/static\/chunks\/page\.js"\]/);
  });

  it("sends it plain to a client that does not accept gzip", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(HEAD.length + TAIL.length) });
      res.end(HEAD + TAIL);
    });
    const res = await get(`${url}/`, { accept: "text/html" });
    expect(res.headers["content-encoding"]).toBeUndefined();
    const html = res.body.toString("utf8");
    expect(html).toContain("var s=[");
    expect(html).not.toContain('src="/_next/static/chunks/a.js"');
  });

  it("leaves other pages, Next's RSC fetches, non-documents and errors to Next as they are", async () => {
    const seen: (string | undefined)[] = [];
    const url = await serve((req, res) => {
      seen.push(req.headers["accept-encoding"]);
      res.statusCode = req.url === "/missing-service" ? 404 : 200;
      res.setHeader("content-type", req.headers.accept?.includes("text/x-component") ? "text/x-component" : "text/html");
      res.end(HEAD + TAIL);
    });
    for (const [path, headers] of [
      ["/kv", BROWSER],
      ["/services/web", { ...BROWSER, rsc: "1" }],
      ["/services/web?_rsc=abc", BROWSER],
      ["/wall", { accept: "*/*", "accept-encoding": "gzip" }],
    ] as const) {
      seen.length = 0;
      const res = await get(`${url}${path}`, headers);
      expect(res.body.toString("utf8"), path).toBe(HEAD + TAIL);
      expect(seen[0], `${path}: Next still sees Accept-Encoding`).toBe(headers["accept-encoding"]);
    }
    // A rewritten path whose answer is not a 200 document: not rewritten, still gzip'd for the browser.
    server!.removeAllListeners("request");
    server!.on(
      "request",
      withFirstFrameScripts((_req, res) => {
        res.writeHead(404, { "content-type": "text/html" });
        res.end(HEAD + TAIL);
      }),
    );
    const res = await get(`${url}/services/nope`, BROWSER);
    expect(res.status).toBe(404);
    expect(gunzipSync(res.body).toString("utf8")).toBe(HEAD + TAIL);
  });
});

describe("document rewrite when the browser goes away", () => {
  it("drops the rest of a document quietly and keeps answering", async () => {
    let writeMore: (() => void) | undefined;
    let requests = 0;
    let serverSawClose = false;
    const url = await serve((_req, res) => {
      res.writeHead(200, ["Content-Type", "text/html", "Set-Cookie", "a=1", "Set-Cookie", "b=2"]);
      if (++requests > 1) return void res.end(HEAD + TAIL);
      res.write(HEAD);
      res.once("close", () => (serverSawClose = true));
      writeMore = () => {
        res.write("<p>more</p>");
        res.end(TAIL);
      };
    });
    const closed = new Promise<void>((resolve) => {
      const req = http.get(`${url}/wall`, { headers: BROWSER }, (res) => {
        expect(res.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", () => {});
    });
    await closed;
    await expect.poll(() => serverSawClose).toBe(true);
    // Next goes on writing to a response whose browser left: no error escapes.
    writeMore!();
    const again = await get(`${url}/wall`, BROWSER);
    expect(gunzipSync(again.body).toString("utf8")).toContain("var s=[");
  });
});
