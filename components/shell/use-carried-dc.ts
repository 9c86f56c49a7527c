"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { storageGet, storageSet } from "@/components/ui/safe-storage";

const KEY = "dashboard.dc";
const noop = () => () => {};

/**
 * The datacenter the operator chose (`?dc=`), carried across pages: the URL's when it
 * has one, else the last one seen in this tab (pages such as /kv do not carry it).
 */
export function useCarriedDc(): string | undefined {
  const fromUrl = useSearchParams().get("dc") || undefined;
  const remembered = useSyncExternalStore(noop, () => storageGet("session", KEY), () => null);
  useEffect(() => {
    if (fromUrl) storageSet("session", KEY, fromUrl);
  }, [fromUrl]);
  return fromUrl ?? remembered ?? undefined;
}

export function withDc(href: string, dc: string | undefined): string {
  if (!dc) return href;
  return `${href}${href.includes("?") ? "&" : "?"}dc=${encodeURIComponent(dc)}`;
}
