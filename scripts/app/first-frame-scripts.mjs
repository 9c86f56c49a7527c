// Next's scripts after the first frame, for the pages whose first screen is server-rendered data.
//
// Next puts every script chunk in the document as <script async> in the head (and the page's own
// chunk, with a preload, in the body). The browser fetches them at once and runs them as they
// arrive, ahead of the first frame: on two cores the fetches, the background compiles and the
// runs cost a fresh tab ~100-170 ms before the rows it already has in its HTML are painted (see
// README, "bench:floor"). This rewrite takes those tags out and adds one inline script, with the
// response's CSP nonce, that adds them back once the first frame is painted ('strict-dynamic' lets
// a nonce'd script add scripts). Links work as plain links until the page has hydrated.
//
// Pure string work, streamed: `rewriter.push(text)` returns what can be sent now, `rewriter.end()`
// the rest. A plain module (no TypeScript), so `npm start` needs no build tooling.

/** Pages that get the rewrite: the overview, a service page and the wall (GET, a document, not RSC). */
export function rewritesPath(pathname) {
  return pathname === "/" || pathname === "/wall" || /^\/services\/[^/]+$/.test(pathname);
}

// An external Next chunk: <script src="/_next/static/…" …></script>, attributes in any order.
const CHUNK_SCRIPT = /<script\b(?=[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)")(?![^>]*\bnoModule\b)[^>]*><\/script>/gi;
// Next's preload of a chunk it adds later in the body.
const CHUNK_PRELOAD = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")(?=[^>]*\bhref="(\/_next\/static\/[^"]+\.js)")[^>]*\/?>/gi;
const NONCE = /\bnonce="([^"]+)"/;

/** The inline script that adds the chunks once the first frame is painted (at once in a hidden tab, which paints no frame). */
export function loaderScript(srcs, nonce) {
  const attr = nonce ? ` nonce="${nonce}"` : "";
  return (
    `<script${attr}>(function(){var s=${JSON.stringify(srcs).replace(/</g, "\\u003c")},d=false;` +
    `function l(){if(d)return;d=true;for(var i=0;i<s.length;i++){var e=document.createElement("script");e.src=s[i];e.async=true;document.head.appendChild(e);}}` +
    `if(document.visibilityState==="hidden"){l();return;}` +
    `requestAnimationFrame(function(){setTimeout(l,0);});document.addEventListener("visibilitychange",l);})();</script>`
  );
}

/** A streaming rewriter for one HTML document. */
export function createRewriter() {
  const srcs = [];
  let nonce = "";
  let held = "";
  let done = false;

  const strip = (text) =>
    text
      .replace(CHUNK_SCRIPT, (tag, src) => {
        if (!srcs.includes(src)) srcs.push(src);
        nonce ||= NONCE.exec(tag)?.[1] ?? "";
        return "";
      })
      // A preloaded chunk is one Next adds further down: it goes with the others.
      .replace(CHUNK_PRELOAD, (tag, src) => {
        if (!srcs.includes(src)) srcs.push(src);
        nonce ||= NONCE.exec(tag)?.[1] ?? "";
        return "";
      });

  const withLoader = (text) => {
    const at = text.lastIndexOf("</body>");
    if (at < 0 || srcs.length === 0) return text;
    done = true;
    return text.slice(0, at) + loaderScript(srcs, nonce) + text.slice(at);
  };

  return {
    push(chunk) {
      const text = held + chunk;
      if (done) {
        held = "";
        return text;
      }
      // Keep back for the next chunk an unfinished tag (a '<' with no '>' after it) and a script
      // whose </script> has not come yet (an inline one runs only once whole anyway).
      let cut = text.length;
      const open = text.lastIndexOf("<");
      if (open >= 0 && text.indexOf(">", open) < 0) cut = open;
      const script = text.lastIndexOf("<script");
      if (script >= 0 && script < cut && text.indexOf("</script>", script) < 0) cut = script;
      held = text.slice(cut);
      return withLoader(strip(text.slice(0, cut)));
    },
    end() {
      if (done) {
        const rest = held;
        held = "";
        return rest;
      }
      const text = strip(held);
      held = "";
      const out = withLoader(text);
      // No </body> (a document cut short): the chunks still load, after the frame.
      return done || srcs.length === 0 ? out : out + loaderScript(srcs, nonce);
    },
    /** The chunks moved so far (for tests). */
    get moved() {
      return [...srcs];
    },
  };
}
