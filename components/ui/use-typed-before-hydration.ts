"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * A server-rendered text box can be typed into before React has hydrated it (a slow phone): the
 * text stays on screen while the component's state still holds what it rendered. On mount, what
 * is on screen goes to `adopt` when it differs from `rendered`, so the page acts on what the user
 * sees. Returns the ref to put on the input.
 */
export function useTypedBeforeHydration(rendered: string, adopt: (typed: string) => void): RefObject<HTMLInputElement | null> {
  const ref = useRef<HTMLInputElement>(null);
  const atMount = useRef({ rendered, adopt });
  useEffect(() => {
    const typed = ref.current?.value;
    if (typed === undefined || typed === atMount.current.rendered) return;
    // After this commit's other effects: Next's router starts following history.replaceState
    // (how filters reach the URL) in an effect of its own, which runs after its children's.
    const timer = setTimeout(() => atMount.current.adopt(typed), 0);
    return () => clearTimeout(timer);
  }, []);
  return ref;
}
