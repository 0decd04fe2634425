/**
 * An `ExcelRun` over the in-memory host whose every `context.sync()` first yields to the event
 * loop, as a round trip to Excel does (@types/office-js, `OfficeExtension.ClientRequestContext.sync`:
 * a promise that settles when Excel has answered the queued batch), so that React
 * renders between the chunks of a read or a write, as it does in the task pane.
 */
import type { ExcelRun } from "../../src/workbook/office";
import type { ExcelHost } from "./host";

/**
 * @param host the in-memory Excel whose `run` the batches go to.
 * @param afterSync called after each sync with the index in `host.syncs` of the first record that
 *   sync added (a test may inspect those records, or hold the batch by returning a promise).
 * @returns an `ExcelRun` for `OfficeWorkbook`.
 */
export function roundTripRun(host: ExcelHost, afterSync?: (firstSync: number) => Promise<void> | void): ExcelRun {
  return (batch) =>
    host.run((context) =>
      batch(
        new Proxy(context, {
          get: (target, prop) =>
            prop === "sync"
              ? async () => {
                  await new Promise((resolve) => setTimeout(resolve, 0));
                  const start = host.syncs.length;
                  await target.sync();
                  await afterSync?.(start);
                }
              : Reflect.get(target, prop),
        }),
      ),
    );
}
