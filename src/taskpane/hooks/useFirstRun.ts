/**
 * Whether to show the first-run explanation. Dismissing it is remembered in localStorage when
 * the browser allows it (Office on the web in a private window, or strict settings, may not);
 * without storage it simply shows again next time.
 */
import { useCallback, useState } from "react";

/** The localStorage key that remembers the explanation was read. */
export const FIRST_RUN_KEY = "bat-bzk.uitleg-gelezen";

/** The part of `Storage` this hook uses. */
export type FlagStorage = Pick<Storage, "getItem" | "setItem">;

/** `window.localStorage`, or null where it is absent or blocked. */
export function browserStorage(): FlagStorage | null {
  try {
    return typeof window !== "undefined" && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

function readFlag(storage: FlagStorage | null): boolean {
  try {
    return storage?.getItem(FIRST_RUN_KEY) === "ja";
  } catch {
    return false;
  }
}

/**
 * @param storage where the flag is kept (null: not remembered).
 * @returns `show`, `dismiss()` (hides and remembers) and `reopen()` (shows again).
 */
export function useFirstRun(storage: FlagStorage | null): { show: boolean; dismiss: () => void; reopen: () => void } {
  const [show, setShow] = useState(() => !readFlag(storage));
  const dismiss = useCallback(() => {
    setShow(false);
    try {
      storage?.setItem(FIRST_RUN_KEY, "ja");
    } catch {
      // Storage full or blocked: the explanation shows again next time, which is harmless.
    }
  }, [storage]);
  const reopen = useCallback(() => setShow(true), []);
  return { show, dismiss, reopen };
}
