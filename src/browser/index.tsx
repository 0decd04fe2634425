/**
 * Entry of the standalone browser page (index.html): the same steps as the task pane, on an
 * .xlsx the user opens; the result is downloaded. ExcelJS loads only when a file is opened.
 */
import "../zod-jitless";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App mode="browser" />
    </FluentProvider>,
  );
}
