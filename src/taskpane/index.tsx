/// <reference types="office-js" />
/**
 * Entry of the Excel task pane (taskpane.html). Office.js is loaded from Microsoft's CDN by the
 * page; until Office is ready the pane says it is connecting, then it renders the App with the
 * Office.js workbook port inside Excel, or a short notice with a link to the browser page
 * anywhere else (outside Office, `Office.onReady` resolves with `host: null`). When office.js
 * did not load, or `Office.onReady` neither resolves nor rejects within
 * {@link OFFICE_READY_TIMEOUT_MS}, the pane shows a Dutch notice instead of staying blank; a late
 * answer still brings up the pane.
 */
import "../zod-jitless";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../workbook/office";
import { App } from "./App";
import { ConnectingToExcel, OutsideExcel } from "./OutsideExcel";

/**
 * How long the pane waits for `Office.onReady` before it says that Excel does not answer (ms).
 * Office.onReady resolves once office.js has loaded and made contact with the host
 * (office-js-docs-pr docs/develop/initialize-add-in.md); the docs give no time limit, so this is
 * our choice: long enough for a slow Excel on the web, short enough that nobody stares at an
 * empty pane.
 */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const render = (node: ReactNode): void => root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

  if (typeof Office === "undefined") {
    // office.js did not load (offline, or blocked by a network policy).
    render(<OutsideExcel reason="office-missing" />);
  } else {
    render(<ConnectingToExcel />);
    let answered = false;
    const timer = setTimeout(() => {
      if (!answered) render(<OutsideExcel reason="no-answer" />);
    }, OFFICE_READY_TIMEOUT_MS);
    Office.onReady((info) => {
      answered = true;
      clearTimeout(timer);
      if (info.host === Office.HostType.Excel) {
        render(<App mode="excel" port={new OfficeWorkbook((batch) => Excel.run(batch))} />);
      } else {
        render(<OutsideExcel reason="outside" />);
      }
    }).catch(() => {
      answered = true;
      clearTimeout(timer);
      render(<OutsideExcel reason="no-answer" />);
    });
  }
}
