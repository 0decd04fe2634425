/**
 * Starts the analysis worker. Kept apart because webpack recognises exactly this form
 * (`new Worker(new URL(..., import.meta.url))`) and bundles the worker as its own script; the
 * component tests, which run CommonJS, replace this module.
 */
import type { WorkerLike } from "./worker-client";

/** A new analysis worker (analysis.worker.ts). */
export function spawnAnalysisWorker(): WorkerLike {
  return new Worker(new URL("./analysis.worker.ts", import.meta.url), { name: "bat-bzk-analyse" }) as unknown as WorkerLike;
}
