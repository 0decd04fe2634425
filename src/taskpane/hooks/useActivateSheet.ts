/**
 * Excel route: jumping to a result sheet from the results step (port.activateSheet).
 */
import { useCallback, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import { errorMessage } from "../../session/errors";

/**
 * @param port the workbook; activation is offered only when it has `activateSheet`.
 * @returns `activate(name)` (undefined when the port cannot activate sheets) and the last error.
 */
export function useActivateSheet(port: WorkbookPort | null): { activate: ((name: string) => Promise<void>) | undefined; error: string | null } {
  const [error, setError] = useState<string | null>(null);
  const canActivate = Boolean(port?.activateSheet);
  const activate = useCallback(
    async (name: string) => {
      setError(null);
      try {
        await port?.activateSheet?.(name);
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [port],
  );
  return { activate: canActivate ? activate : undefined, error };
}
