/**
 * Web storage that never throws: in a cross-site frame (the wall embedded in a status
 * page), a private window or with storage disabled, reading or writing localStorage or
 * sessionStorage throws a SecurityError. Remembering is then skipped, not the page.
 */
type Area = "local" | "session";

function area(which: Area): Storage | null {
  try {
    return which === "local" ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function storageGet(which: Area, key: string): string | null {
  try {
    return area(which)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function storageSet(which: Area, key: string, value: string | null): void {
  try {
    const s = area(which);
    if (value === null) s?.removeItem(key);
    else s?.setItem(key, value);
  } catch {
    // Not remembered; nothing else depends on it.
  }
}
