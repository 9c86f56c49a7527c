// Wraps Next's request listener so the documents `rewritesPath` names load Next's scripts after
// their first frame (first-frame-scripts.mjs). Everything else passes through untouched.
//
// Next compresses its responses itself, but the rewrite needs the HTML as text: for these
// documents the request's Accept-Encoding is held back from Next, and the rewritten document is
// gzip'd here (flushed per chunk, so it still streams) when the browser accepts gzip.
import zlib from "node:zlib";
import { createRewriter, rewritesPath } from "./first-frame-scripts.mjs";

/** A GET for one of the rewritten pages, as a browser navigates to it (not Next's RSC fetches). */
export function isRewrittenRequest(req) {
  if (req.method !== "GET") return false;
  if (req.headers.rsc !== undefined || req.headers["next-router-prefetch"] !== undefined) return false;
  if (!String(req.headers.accept ?? "").includes("text/html")) return false;
  let url;
  try {
    url = new URL(req.url ?? "/", "http://localhost");
  } catch {
    return false;
  }
  return !url.searchParams.has("_rsc") && rewritesPath(url.pathname);
}

/** The request listener, with the rewrite in front of it. */
export function withFirstFrameScripts(listener) {
  return function rewritingListener(req, res) {
    if (isRewrittenRequest(req)) rewriteResponse(req, res);
    return listener.call(this, req, res);
  };
}

function rewriteResponse(req, res) {
  const gzipWanted = /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? ""));
  delete req.headers["accept-encoding"];

  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const writeHead = res.writeHead.bind(res);
  /** undefined until the status and headers are known. */
  let plan;

  const decide = () => {
    if (plan) return plan;
    const html = res.statusCode === 200 && String(res.getHeader("content-type") ?? "").startsWith("text/html");
    const gzip = gzipWanted && res.statusCode !== 204 && res.statusCode !== 304 ? zlib.createGzip() : undefined;
    if (html || gzip) res.removeHeader("content-length");
    if (gzip) {
      res.setHeader("content-encoding", "gzip");
      const vary = String(res.getHeader("vary") ?? "");
      if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      gzip.on("data", (c) => write(c));
      // A browser that goes away mid-document: drop the rest quietly (Next may still be writing).
      gzip.on("error", () => {});
      res.once("close", () => gzip.destroy());
    }
    plan = { rewriter: html ? createRewriter() : undefined, decoder: html ? new TextDecoder() : undefined, gzip };
    return plan;
  };

  const out = (buf) => {
    if (buf.length === 0) return;
    if (plan.gzip) {
      if (plan.gzip.destroyed) return;
      plan.gzip.write(buf);
      plan.gzip.flush();
    } else {
      write(buf);
    }
  };

  const transform = (chunk, encoding, last) => {
    let buf = chunk == null ? Buffer.alloc(0) : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (plan.rewriter) {
      let text = plan.decoder.decode(buf, { stream: !last });
      text = plan.rewriter.push(text);
      if (last) text += plan.rewriter.end();
      buf = Buffer.from(text, "utf8");
    }
    out(buf);
  };

  res.writeHead = function (status, ...rest) {
    // writeHead(status[, message][, headers]): the headers go through setHeader so decide() sees them.
    const headers = typeof rest[0] === "string" ? rest[1] : rest[0];
    if (Array.isArray(headers)) {
      // Raw pairs, flat ([k, v, k, v]) or nested ([[k, v]]): appended, so repeated names (Set-Cookie) stay.
      const pairs = headers.length && Array.isArray(headers[0]) ? headers : headers.flatMap((_, i) => (i % 2 ? [] : [[headers[i], headers[i + 1]]]));
      for (const [k, v] of pairs) res.appendHeader(k, v);
    } else if (headers && typeof headers === "object") {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    }
    res.statusCode = status;
    decide();
    return typeof rest[0] === "string" ? writeHead(status, rest[0]) : writeHead(status);
  };
  res.write = function (chunk, encoding, cb) {
    decide();
    transform(chunk, encoding, false);
    const done = typeof encoding === "function" ? encoding : cb;
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function (chunk, encoding, cb) {
    const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : cb;
    const data = typeof chunk === "function" ? undefined : chunk;
    decide();
    transform(data, typeof encoding === "function" ? undefined : encoding, true);
    if (plan.gzip && !plan.gzip.destroyed) {
      plan.gzip.once("end", () => end(done));
      plan.gzip.end();
    } else {
      end(done);
    }
    return res;
  };
}
