/**
 * The command line's analysis of an .xlsx file on disk (or a stream, in tests): the reading pass
 * (src/analysis/xlsx-pass.ts) over the package opened by src/workbook/xlsx-stream.ts.
 */
import type { Readable } from "node:stream";
import { UserError } from "../domain/issues";
import { containerMessage } from "../workbook/container";
import { openInput } from "../workbook/xlsx-stream";
import { analysePackage, type StreamAnalyseOptions, type StreamAnalysis } from "./xlsx-pass";

export type { SheetRoute, StreamAnalyseOptions, StreamAnalysis, StreamStats } from "./xlsx-pass";

/**
 * Analyses an .xlsx file in one streaming pass (src/analysis/xlsx-pass.ts), optionally copying
 * the input sheets to a writer on the way.
 *
 * @param input file path or readable stream.
 * @param options analysis options, plus the file's label for messages and the copy target.
 * @returns the same `AnalysisResult` as `analyseWorkbook` on the same file, plus what the pass did.
 * @throws UserError (Dutch) for an unreadable file, a missing `--voorraad`/`--vraag` sheet,
 *   a workbook without stock, demand or supply, or a cancelled run.
 */
export async function analyseXlsxStream(input: string | Readable, options: StreamAnalyseOptions): Promise<StreamAnalysis> {
  const { open, close } = await openInput(input);
  const onDebug = options.onDebug ?? (process.env.BAT_BZK_DEBUG ? (err: unknown) => process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`) : undefined);
  // A damaged part can leave every stream waiting with nothing left to do: Node then empties its
  // event loop and the command would exit 0 without a word. Fail the read instead.
  let onIdle: () => void = () => undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    onIdle = () => reject(new UserError(containerMessage("zip", options.label ?? "Het bestand")));
  });
  process.on("beforeExit", onIdle);
  try {
    return await Promise.race([analysePackage(open, { ...options, onDebug }), stalled]);
  } finally {
    process.off("beforeExit", onIdle);
    await close();
  }
}
