"use client";

import { useEffect } from "react";
import { tabIcon, tabTitle, worstTone, type TabCounts } from "@/lib/ui/tab-status";

/** The tab's title and icon tell the worst status of what the page shows. */
export function useTabStatus(page: string, dc: string | undefined, counts: TabCounts | undefined) {
  const title = tabTitle(page, dc, counts);
  const icon = tabIcon(worstTone(counts));
  useEffect(() => {
    const apply = () => {
      if (document.title !== title) document.title = title;
      for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="icon"]')) if (link.getAttribute("href") !== icon) link.href = icon;
    };
    apply();
    // Next streams the page's metadata (<title>, icons) and may insert it after this ran,
    // e.g. when the server's first screen lets the page know its status at once: keep ours.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["href"] });
    return () => observer.disconnect();
  }, [title, icon]);
}
