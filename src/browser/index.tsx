/**
 * Entry of the standalone browser page (index.html): the same steps as the task pane, on an
 * .xlsx the user opens; the result is downloaded. The workbook is opened, analysed and written
 * in a Web Worker (analysis.worker.ts, a separate script from this site), so the page stays
 * responsive on large workbooks; a worker is started only when a file is opened.
 */
import "../zod-jitless";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { spawnAnalysisWorker } from "./spawn-worker";
import { openInWorker } from "./worker-client";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App mode="browser" openFile={openInWorker(spawnAnalysisWorker)} />
    </FluentProvider>,
  );
}
