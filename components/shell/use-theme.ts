"use client";

import { useCallback, useEffect, useSyncExternalStore } from "react";
import { storageGet, storageSet } from "@/components/ui/safe-storage";
import { THEME_KEY } from "./theme-script";

export type ThemeChoice = "system" | "light" | "dark";

const listeners = new Set<() => void>();
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};
const read = (): ThemeChoice => {
  const v = storageGet("local", THEME_KEY);
  return v === "light" || v === "dark" ? v : "system";
};

function apply(choice: ThemeChoice) {
  const dark = choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

/** The remembered theme choice; "system" follows the OS setting, live. */
export function useTheme(): [ThemeChoice, (c: ThemeChoice) => void] {
  const choice = useSyncExternalStore(subscribe, read, () => "system" as ThemeChoice);
  useEffect(() => {
    apply(choice);
    if (choice !== "system") return;
    const mq = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply("system");
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  }, [choice]);
  const set = useCallback((c: ThemeChoice) => {
    storageSet("local", THEME_KEY, c === "system" ? null : c);
    listeners.forEach((fn) => fn());
  }, []);
  return [choice, set];
}
