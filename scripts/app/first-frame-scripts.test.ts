import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { createRewriter, loaderScript, rewritesPath } from "./first-frame-scripts.mjs";

const NONCE = "n0Nce+/=";
// The shape Next 16 gives the service page: chunks in the head, a preload, the page's chunk in the body.
const DOC =
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><style>body{}</style>` +
  `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="/_next/static/chunks/page.js"/>` +
  `<script src="/_next/static/chunks/a.js" async="" nonce="${NONCE}"></script>` +
  `<script src="/_next/static/chunks/turbopack-b.js" async="" nonce="${NONCE}"></script>` +
  `<script nonce="${NONCE}">(function(){document.documentElement.dataset.theme="dark"})()</script>` +
  `<script src="/_next/static/chunks/polyfill.js" noModule="" nonce="${NONCE}"></script></head>` +
  `<body><main><p data-instance="x">row</p></main>` +
  `<script nonce="${NONCE}" id="_R_">(self.TURBOPACK||(self.TURBOPACK=[])).push({"otherChunks":["static/chunks/page.js"]})</script>` +
  `<script src="/_next/static/chunks/page.js" nonce="${NONCE}" async=""></script>` +
  `<script nonce="${NONCE}">self.__next_f.push([1,"\\u003cdiv\\u003e"])</script></body></html>`;

function rewrite(doc: string, size: number): { out: string; moved: string[] } {
  const r = createRewriter();
  let out = "";
  for (let i = 0; i < doc.length; i += size) out += r.push(doc.slice(i, i + size));
  out += r.end();
  return { out, moved: r.moved };
}

/** The srcs the loader adds, read back from its JSON array. */
function loaded(out: string): string[] {
  const m = /var s=(\[[^\]]*\])/.exec(out);
  return m ? (JSON.parse(m[1]!) as string[]) : [];
}

describe("first-frame scripts: the document rewrite", () => {
  it("takes Next's chunk scripts and preloads out and adds one nonce'd loader before </body>", () => {
    const { out, moved } = rewrite(DOC, DOC.length);
    expect(moved.sort()).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/page.js", "/_next/static/chunks/turbopack-b.js"]);
    expect(out).not.toMatch(/<script[^>]*src="\/_next\/static\/chunks\/(a|turbopack-b|page)\.js"/);
    expect(out).not.toContain('rel="preload"');
    // What must stay: the inline scripts (theme, bootstrap, RSC payload) and the nomodule polyfill.
    expect(out).toContain("dataset.theme");
    expect(out).toContain('id="_R_"');
    expect(out).toContain("self.__next_f.push");
    expect(out).toContain('src="/_next/static/chunks/polyfill.js" noModule=""');
    expect(out).toContain('<p data-instance="x">row</p>');
    expect(out).toMatch(new RegExp(`<script nonce="${NONCE.replace(/[+/=]/g, "\\$&")}">\\(function\\(\\)\\{var s=.*</script></body></html>$`));
    expect(loaded(out).sort()).toEqual(moved.sort());
  });

  it("gives the same document whatever the chunks the server streams it in", () => {
    const whole = rewrite(DOC, DOC.length);
    for (const size of [1, 2, 7, 33, 64, 100]) {
      const { out, moved } = rewrite(DOC, size);
      expect(out.replace(/var s=\[[^\]]*\]/, ""), `chunks of ${size}`).toBe(whole.out.replace(/var s=\[[^\]]*\]/, ""));
      expect(moved.sort(), `chunks of ${size}`).toEqual(whole.moved.sort());
      expect(loaded(out).sort()).toEqual(moved.sort());
    }
  });

  it("appends the loader to a document cut short before </body>", () => {
    const cut = DOC.slice(0, DOC.indexOf("</body>"));
    const { out } = rewrite(cut, 50);
    expect(out.startsWith(cut.slice(0, 20))).toBe(true);
    expect(out.endsWith("</script>")).toBe(true);
    expect(loaded(out)).toHaveLength(3);
  });

  it("leaves a document without Next's chunks as it is", () => {
    const plain = `<!DOCTYPE html><html><head><script nonce="x">1</script></head><body><p>hi</p></body></html>`;
    expect(rewrite(plain, 9).out).toBe(plain);
  });

  it("rewrites the overview, the service pages and the wall only", () => {
    for (const p of ["/", "/wall", "/services/web", "/services/a%20b"]) expect(rewritesPath(p), p).toBe(true);
    for (const p of ["/kv", "/kv/a", "/services", "/services/web/x", "/nodes", "/wall/x", "/api/services"]) expect(rewritesPath(p), p).toBe(false);
  });
});

describe("first-frame scripts: the loader in the page", () => {
  function page(visibility: "visible" | "hidden") {
    const added: string[] = [];
    const frames: (() => void)[] = [];
    const timers: (() => void)[] = [];
    const listeners: (() => void)[] = [];
    const document = {
      visibilityState: visibility,
      createElement: () => ({ src: "", async: false }),
      head: { appendChild: (el: { src: string }) => added.push(el.src) },
      addEventListener: (_: string, fn: () => void) => listeners.push(fn),
    };
    const script = /<script[^>]*>([\s\S]*)<\/script>/.exec(loaderScript(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js"], "n"))![1]!;
    vm.runInNewContext(script, { document, requestAnimationFrame: (fn: () => void) => frames.push(fn), setTimeout: (fn: () => void) => timers.push(fn) });
    return { added, frames, timers, listeners };
  }

  it("adds the chunks only after the first frame, once", () => {
    const p = page("visible");
    expect(p.added).toEqual([]);
    p.frames.shift()!();
    expect(p.added).toEqual([]);
    p.timers.shift()!();
    expect(p.added).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js"]);
    p.listeners.forEach((fn) => fn());
    expect(p.added).toHaveLength(2);
  });

  it("adds them at once in a hidden tab, which paints no frame", () => {
    expect(page("hidden").added).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js"]);
  });

  it("adds them when a tab that was opened in the background is shown", () => {
    const p = page("visible");
    p.listeners.forEach((fn) => fn());
    expect(p.added).toHaveLength(2);
  });
});
