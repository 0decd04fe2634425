/**
 * The command line's output files (`--uit`, `--json`), written all or nothing: each is written
 * under a temporary name in its target's folder (so that the final rename is atomic on the same
 * file system), and only when every one of them is complete are they renamed into place. A run
 * that fails, or is stopped with Ctrl+C (SIGINT) or SIGTERM while writing, removes its
 * temporary files and leaves existing targets exactly as they were.
 */
import { promises as fs, rmSync } from "node:fs";
import * as path from "node:path";
import { UserError } from "../domain/issues";

/** Temporary name next to `target`: hidden, with the process id, ending in ".tmp". */
export function tempFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
}

/**
 * The Dutch message for a failed write of `target`, from the system's error code.
 * @param target the file as the user named it. @param err the error of fs or of the stream.
 */
export function writeError(target: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "EBUSY":
    case "EPERM":
    case "EACCES":
    case "EROFS":
      return new UserError(`Kan '${target}' niet schrijven: het bestand is in gebruik of alleen-lezen (is het nog geopend in Excel?).`);
    case "ENOSPC":
    case "EDQUOT":
      return new UserError(`Kan '${target}' niet schrijven: de schijf is vol. Maak ruimte vrij en probeer het opnieuw.`);
    case "EISDIR":
      return new UserError(`Kan '${target}' niet schrijven: er staat een map met die naam. Kies een bestandsnaam.`);
    default:
      return new UserError(`Kan '${target}' niet schrijven (${code ?? "onbekende fout"}). Controleer of de map bestaat.`);
  }
}

/** What a run stopped by a signal says (nothing has been renamed into place yet). */
const CANCELLED = "Analyse geannuleerd; er is niets geschreven.";

/** Signals that stop a run; the files are cleaned up and the process ends with 128 + signal. */
const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;

/** A set of output files written together; see the module comment. */
export class StagedFiles {
  private readonly files: { target: string; label: string; tmp: string }[] = [];
  private stopped = false;

  /**
   * @param exit how to end the process after a signal (injectable for tests).
   */
  constructor(private readonly exit: (code: number) => void = (code) => process.exit(code)) {}

  /**
   * Writes one file under its temporary name.
   * @param target absolute path of the final file. @param label the file as the user named it (messages).
   * @param produce writes the complete file at the temporary path it is given.
   * @throws UserError (Dutch): `produce`'s own UserError, or a system error (one with a `code`)
   *   mapped by {@link writeError}; other errors unchanged.
   */
  async write(target: string, label: string, produce: (tmp: string) => Promise<void>): Promise<void> {
    const tmp = tempFor(target);
    this.files.push({ target, label, tmp });
    try {
      await produce(tmp);
    } catch (err) {
      // System errors (with a code such as ENOSPC) become a Dutch message; anything else is a
      // bug and goes up as it is (the command reports it as an unexpected error).
      if (err instanceof UserError || typeof (err as NodeJS.ErrnoException)?.code !== "string") throw err;
      throw writeError(label, err);
    }
    if (this.stopped) throw new UserError(CANCELLED);
  }

  /**
   * Renames every temporary file to its target (replacing an existing file). Call only when all
   * writes succeeded.
   * @throws UserError when a rename fails; the temporary files still present are removed.
   */
  async commit(): Promise<void> {
    if (this.stopped) throw new UserError(CANCELLED);
    for (const f of this.files) {
      try {
        await fs.rename(f.tmp, f.target);
      } catch (err) {
        await this.discard();
        throw writeError(f.label, err);
      }
    }
    this.files.length = 0;
  }

  /** Removes the temporary files (after a failure). Never throws. */
  async discard(): Promise<void> {
    for (const f of this.files) await fs.rm(f.tmp, { force: true }).catch(() => undefined);
    this.files.length = 0;
  }

  /**
   * Runs `f` with Ctrl+C and SIGTERM caught: on a signal, the temporary files are removed at once
   * (synchronously, the process is about to end), a Dutch line goes to `err` and the process ends
   * with 130 (SIGINT) or 143 (SIGTERM). The handlers are removed when `f` ends.
   */
  async guard<T>(err: (text: string) => void, f: () => Promise<T>): Promise<T> {
    const handlers = Object.entries(SIGNALS).map(([signal, n]) => {
      const handler = () => {
        this.stopped = true;
        for (const file of this.files) rmSync(file.tmp, { force: true });
        err("Analyse afgebroken; er is niets geschreven.\n");
        this.exit(128 + n);
      };
      process.on(signal, handler);
      return () => process.off(signal, handler);
    });
    try {
      return await f();
    } finally {
      for (const off of handlers) off();
    }
  }
}
