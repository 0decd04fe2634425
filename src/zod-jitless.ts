/**
 * zod in the pages (task pane, browser page): jitless. zod 4 would compile faster validators
 * with `new Function`, after probing once whether that is allowed; the pages' Content-Security-
 * Policy has no 'unsafe-eval', so the probe is refused and Chromium reports a CSP violation
 * (harmless, but it hides real ones). Jitless mode skips the probe and the compilation; the
 * schemas here are small, so speed is not affected in any way a user notices.
 *
 * Import this module first in every entry point that runs in a browser (imports run in order,
 * and zod only probes at the first parse, so this is in time).
 */
import { z } from "zod";

z.config({ jitless: true });
