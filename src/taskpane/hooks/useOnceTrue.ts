/**
 * A latch: false until `condition` has been true after a render, then true for good (the stock
 * preview is read only once the column step has been opened, and stays wanted after it closes).
 */
import { useEffect, useState } from "react";

/** @returns whether `condition` has been true at some render so far (from the render after). */
export function useOnceTrue(condition: boolean): boolean {
  const [latched, setLatched] = useState(false);
  useEffect(() => {
    if (condition) setLatched(true);
  }, [condition]);
  return latched;
}
