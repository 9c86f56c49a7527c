"use client";

import { useEffect } from "react";
import { tabIcon, tabTitle, worstTone, type TabCounts } from "@/lib/ui/tab-status";

/** The tab's title and icon tell the worst status of what the page shows. */
export function useTabStatus(page: string, dc: string | undefined, counts: TabCounts | undefined) {
  const title = tabTitle(page, dc, counts);
  const icon = tabIcon(worstTone(counts));
  useEffect(() => {
    document.title = title;
    for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="icon"]')) link.href = icon;
  }, [title, icon]);
}
