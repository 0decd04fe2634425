/**
 * What the steps of one analysis run share (src/analysis/choose.ts, src/analysis/compute.ts): the
 * issues found so far, how each sheet is used, and the cancellation check between steps.
 */
import { type Issue, makeIssue } from "../domain/issues";
import { cancelled } from "../workbook/messages";
import type { SheetRead, TableUse } from "./result";

/** Throws the Dutch cancellation error ("Analyse geannuleerd.") when the run was aborted. */
export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

/** The issues of a run and the use of its sheets, filled in by the steps in order. */
export class RunLedger {
  /** Every issue of the run, in the order the steps found them. */
  readonly issues: Issue[] = [];
  /** One entry per sheet, in workbook order; `used` and `reden` filled in by {@link use} and {@link skip}. */
  readonly tables: TableUse[];

  constructor(sheets: readonly SheetRead[]) {
    this.tables = sheets.map((s) => ({ sheet: s.name, kind: s.kind, used: false, reden: s.reden }));
  }

  /** Marks a sheet as used, adding `note` to its explanation. */
  readonly use = (sheet: string, note?: string): void => {
    const t = this.tables.find((x) => x.sheet === sheet);
    if (t) {
      t.used = true;
      if (note) t.reden += ` ${note}`;
    }
  };

  /** Adds `note` to a sheet's explanation and reports it as not used ("blad-niet-gebruikt"). */
  readonly skip = (sheet: string, note: string): void => {
    const t = this.tables.find((x) => x.sheet === sheet);
    // The note continues "Blad '…' is niet gebruikt: " in the issue, so it starts in lower case;
    // in the sheet's explanation it follows a full stop and starts a sentence.
    if (t) t.reden += ` ${note.charAt(0).toUpperCase()}${note.slice(1)}`;
    this.issues.push(makeIssue("blad-niet-gebruikt", "info", sheet, null, `Blad '${sheet}' is niet gebruikt: ${note}`));
  };
}
