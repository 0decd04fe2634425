/// <reference types="office-js" />
/**
 * Entry of the Excel task pane (taskpane.html). Office.js is loaded from Microsoft's CDN by the
 * page; once Office is ready the App is rendered with the Office.js workbook port inside Excel,
 * or a short notice with a link to the browser page anywhere else (outside Office,
 * `Office.onReady` resolves with `host: null`).
 */
import "../zod-jitless";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../workbook/office";
import { App } from "./App";
import { OutsideExcel } from "./OutsideExcel";

function render(node: ReactNode): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, or blocked by a network policy).
  render(<OutsideExcel officeMissing />);
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      render(<App mode="excel" port={new OfficeWorkbook((batch) => Excel.run(batch))} />);
    } else {
      render(<OutsideExcel />);
    }
  });
}
