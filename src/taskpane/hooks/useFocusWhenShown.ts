/**
 * Focus for an element that appears later (the quick check's figures heading after a run):
 * `request()` now, the element takes the focus after the first render in which it exists.
 */
import { useCallback, useEffect, useRef } from "react";

/** @returns `ref` for the element and `request()` to focus it once it is shown. */
export function useFocusWhenShown(): { ref: (el: HTMLElement | null) => void; request: () => void } {
  const element = useRef<HTMLElement | null>(null);
  const wanted = useRef(false);
  useEffect(() => {
    if (wanted.current && element.current) {
      wanted.current = false;
      element.current.focus();
    }
  });
  const ref = useCallback((el: HTMLElement | null) => {
    element.current = el;
  }, []);
  const request = useCallback(() => {
    wanted.current = true;
  }, []);
  return { ref, request };
}
