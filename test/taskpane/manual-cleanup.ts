/**
 * Imported right after ./setup (before Testing Library) by a task pane test file whose tests share
 * one rendered pane: Testing Library then does not unmount everything after each test, and the
 * file calls `cleanup()` itself (after each of its other tests, and after the shared ones).
 * Jest gives each test file its own copy of `process.env`, so other files are not affected.
 */
process.env.RTL_SKIP_AUTO_CLEANUP = "true";
