/**
 * The open step of the pane's accordion and its focus: each step opened with `goTo` has its
 * heading focused, as soon as that heading can take the focus (a step's header is disabled until
 * its content exists, e.g. the results after a run).
 */
import { useCallback, useEffect, useRef, useState } from "react";

/** The open step, and how to open, fold and focus. */
export interface StepFocus<Id extends string> {
  open: Id | null;
  /** Opens a step without moving the focus (the user's own click). */
  setOpen: (id: Id | null) => void;
  /** Opens a step and focuses its heading. */
  goTo: (id: Id) => void;
  /** Folds every step, dropping a pending focus. */
  foldAll: () => void;
  /** The ref callback for a step's header button. */
  headerRef: (id: Id) => (el: HTMLElement | null) => void;
}

/** @param initial the step open at first (null: none). */
export function useStepFocus<Id extends string>(initial: Id | null): StepFocus<Id> {
  const [open, setOpen] = useState<Id | null>(initial);
  const headers = useRef<Partial<Record<Id, HTMLElement | null>>>({});
  const pending = useRef<Id | null>(null);
  const goTo = useCallback((id: Id) => {
    setOpen(id);
    pending.current = id;
  }, []);
  const foldAll = useCallback(() => {
    setOpen(null);
    pending.current = null;
  }, []);
  // After every render: the pending heading takes the focus once it can.
  useEffect(() => {
    const id = pending.current;
    const el = id ? headers.current[id] : null;
    if (id && el) {
      el.focus();
      if (document.activeElement === el) pending.current = null;
    }
  });
  const headerRef = useCallback(
    (id: Id) => (el: HTMLElement | null) => {
      headers.current[id] = el;
    },
    [],
  );
  return { open, setOpen, goTo, foldAll, headerRef };
}
