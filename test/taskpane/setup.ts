/**
 * jsdom stubs for Fluent UI v9 component tests, imported first by every test in test/taskpane.
 * jsdom lacks layout APIs that Fluent's positioning and overflow code call (ResizeObserver,
 * IntersectionObserver, matchMedia, scrollIntoView) and Blob.arrayBuffer (jsdom 26), which the
 * browser page uses to read the chosen file; and the Streams and Compression Streams globals
 * (ReadableStream, TransformStream, DecompressionStream, TextDecoder) that every browser the page
 * supports has and the reader of the chosen file uses (src/workbook/zip-blob.ts): taken from Node's
 * implementations of the same standards.
 *
 * Fluent's focus manager (tabster) handles the Tab key itself and only moves focus to elements
 * it considers visible: a non-null `offsetParent` and a `<body>` with a size. jsdom does no
 * layout (offsetParent is always null, every rectangle is 0×0), so without the two stubs below
 * Tab would leave the page after the first control. Elements hidden with the `hidden` attribute
 * or an inline `display: none` still count as invisible.
 *
 * Fluent's paint-only style rules (colours, fonts, shadows, ...) are not put into jsdom's style
 * sheets: they cost a selector match per rule in every computed style and change no display,
 * visibility or pointer-events (test/support/paint-rules.ts). jsdom's computed styles are kept
 * while its own cascade cache is, and single-class and type selectors matched directly
 * (test/support/computed-style-cache.ts): the same values, computed less often.
 *
 * A query that finds nothing while `waitFor` (or a `findBy*` query) retries it gives its error
 * without the printout of the whole document, which Testing Library builds anew on every failed
 * try (it sets `_disableExpensiveErrorDiagnostics` while it runs the callback): when the wait
 * times out, Testing Library adds the document as it is then to the last error's message, as
 * before, so a failing test says what it always said.
 */
import { configure, getConfig } from "@testing-library/dom";
import { cacheComputedStyles } from "../support/computed-style-cache";
import { skipPaintOnlyRules } from "../support/paint-rules";

class NoopObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}

const g = globalThis as unknown as Record<string, unknown>;
if (!g.ResizeObserver) g.ResizeObserver = NoopObserver;
if (!g.IntersectionObserver) g.IntersectionObserver = NoopObserver;

if (typeof window !== "undefined") {
  skipPaintOnlyRules(window);
  cacheComputedStyles(window);
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement): Element | null {
      if (this === document.body || this.hidden || this.style.display === "none") return null;
      return this.parentElement;
    },
  });
  HTMLBodyElement.prototype.getBoundingClientRect = function getBoundingClientRect(): DOMRect {
    return { x: 0, y: 0, top: 0, left: 0, right: 1024, bottom: 768, width: 1024, height: 768, toJSON: () => ({}) } as DOMRect;
  };
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
  if (!Blob.prototype.arrayBuffer) {
    Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    };
  }
}

const { getElementError } = getConfig();
configure({
  getElementError(message: string | null, container: Element): Error {
    if (!(getConfig() as { _disableExpensiveErrorDiagnostics?: boolean })._disableExpensiveErrorDiagnostics) return getElementError(message, container);
    const error = new Error(message ?? "");
    error.name = "TestingLibraryElementError";
    return error;
  },
});

const web = require("node:stream/web") as Record<string, unknown>;
const { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder } = require("node:util") as Record<string, unknown>;
for (const name of ["ReadableStream", "WritableStream", "TransformStream", "DecompressionStream", "CompressionStream"]) {
  if (!g[name]) g[name] = web[name];
}
if (!g.TextDecoder) g.TextDecoder = NodeTextDecoder;
if (!g.TextEncoder) g.TextEncoder = NodeTextEncoder;
