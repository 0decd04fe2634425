/** @jest-environment jsdom */
/**
 * The computed-style cache of the task pane tests (test/support/computed-style-cache.ts): that
 * jsdom's internals it relies on are there, and that every change that alters a computed style
 * shows in the next call, as with jsdom's own `getComputedStyle`.
 */
import { cacheComputedStyles, implOf, supported } from "./computed-style-cache";

const jsdomComputed = window.getComputedStyle;

function sheet(...rules: string[]): CSSStyleSheet {
  const style = document.createElement("style");
  document.head.appendChild(style);
  const s = style.sheet!;
  for (const r of rules) s.insertRule(r, s.cssRules.length);
  return s;
}

function div(className = "", parent: HTMLElement = document.body): HTMLDivElement {
  const d = document.createElement("div");
  d.className = className;
  parent.appendChild(d);
  return d;
}

beforeAll(() => {
  expect(document.compatMode).toBe("CSS1Compat");
  expect(supported(window)).toBe(true);
  expect(cacheComputedStyles(window)).toBe(true);
  expect(window.getComputedStyle).not.toBe(jsdomComputed);
  expect(implOf(document)?._nwsapiDontThrow?.__singleClass).toBe(true);
});

afterEach(() => {
  document.head.innerHTML = "";
  document.body.innerHTML = "";
});

test("jsdom's document keeps its cascade in _styleCache and drops it when the document changes", () => {
  const impl = implOf(document)!;
  const d = div();
  getComputedStyle(d);
  const cache = impl._styleCache;
  expect(Object.prototype.toString.call(cache)).toBe("[object WeakMap]");
  d.setAttribute("data-x", "1");
  expect(impl._styleCache).toBeNull();
  getComputedStyle(d);
  expect(impl._styleCache).not.toBe(cache);
});

test("the same declaration while nothing changes, a new one after a change", () => {
  const d = div("a");
  const first = getComputedStyle(d);
  expect(getComputedStyle(d)).toBe(first);
  d.classList.add("b");
  expect(getComputedStyle(d)).not.toBe(first);
});

test("class, inline style, hidden and style sheet changes show at once", () => {
  sheet(".hide{display:none;}", ".ghost{visibility:hidden;}", ".inert{pointer-events:none;}");
  const d = div();
  expect(getComputedStyle(d).display).toBe("block");
  d.className = "hide";
  expect(getComputedStyle(d).display).toBe("none");
  d.className = "";
  expect(getComputedStyle(d).display).toBe("block");
  d.style.display = "none";
  expect(getComputedStyle(d).display).toBe("none");
  d.removeAttribute("style");
  expect(getComputedStyle(d).display).toBe("block");
  d.hidden = true;
  expect(getComputedStyle(d).display).toBe("none");
  d.hidden = false;
  expect(getComputedStyle(d).display).toBe("block");
  d.className = "inert";
  expect(getComputedStyle(d).pointerEvents).toBe("none");
  // A style sheet added after the first call.
  const later = document.createElement("style");
  later.textContent = ".inert{display:inline;}";
  document.head.appendChild(later);
  expect(getComputedStyle(d).display).toBe("inline");
});

test("inherited values follow the ancestors (visibility), also when an element moves", () => {
  sheet(".ghost{visibility:hidden;}");
  const outer = div("ghost");
  const inner = div("", outer);
  const other = div();
  expect(getComputedStyle(inner).visibility).toBe("hidden");
  other.appendChild(inner);
  expect(getComputedStyle(inner).visibility).toBe("visible");
  outer.className = "";
  outer.appendChild(inner);
  expect(getComputedStyle(inner).visibility).toBe("visible");
  outer.className = "ghost";
  expect(getComputedStyle(inner).visibility).toBe("hidden");
});

/**
 * The same markup and style sheet in this document (cache and direct matching installed) and in
 * a second document (jsdom's own matcher and computed styles, untouched): every element's
 * display, visibility and pointer-events, as [tag.class, value...] rows of both.
 */
function sideBySide(html: string, css: string, more: (parent: HTMLElement) => void): { here: string[][]; jsdom: string[][] } {
  const frame = document.createElement("iframe");
  document.body.appendChild(frame);
  const twin = frame.contentWindow as Window & typeof globalThis;
  // A no-quirks document, as Jest's (classes are matched case-sensitively).
  twin.document.open();
  twin.document.write("<!DOCTYPE html><html><head></head><body></body></html>");
  twin.document.close();
  expect(twin.document.compatMode).toBe("CSS1Compat");
  const rows = (win: Window & typeof globalThis, parent: HTMLElement) => {
    const doc = win.document;
    const style = doc.createElement("style");
    style.textContent = css;
    doc.head.appendChild(style);
    parent.innerHTML = html;
    more(parent);
    return [...parent.querySelectorAll("*")].map((e) => {
      const c = win.getComputedStyle(e);
      return [`${e.localName}.${e.getAttribute("class") ?? ""}`, c.display, c.visibility, c.pointerEvents];
    });
  };
  const jsdom = rows(twin, twin.document.body);
  expect(twin.getComputedStyle).not.toBe(window.getComputedStyle);
  return { here: rows(window, document.body.appendChild(document.createElement("main"))), jsdom };
}

test("single-class and type selectors give what jsdom's own matcher gives", () => {
  const css = [
    ".one{display:none;}",
    ".two.three{display:none;}",
    "span.four{display:none;}",
    ".five .six{visibility:hidden;}",
    ".seven:not(.eight){pointer-events:none;}",
    ".nine\\:ten{display:none;}",
    ".Case{display:flex;}",
    "em, b{display:none;}",
    "section{visibility:hidden;}",
    "svg{display:none;}",
    "rect{pointer-events:none;}",
  ].join("\n");
  const html = [
    '<div class="one"></div><div class="one-more"></div><div class="x one y"></div><div class="x\tone\ny"></div>',
    '<div class="two"></div><div class="two three"></div><div class="four"></div><span class="four"></span>',
    '<div class="six"></div><div class="five"><p class="six"></p></div><div class="seven"></div><div class="seven eight"></div>',
    '<div class="nine:ten"></div><div class="Case"></div><div class="case"></div>',
    "<span></span><p></p><em></em><b></b><i></i><section><a></a></section><li></li><table><tbody><tr><td></td></tr></tbody></table>",
    '<svg class="one"><rect class="two"></rect><em></em></svg>',
  ].join("");
  const { here, jsdom } = sideBySide(html, css, (parent) => {
    // An HTML element with a capital in its local name.
    parent.appendChild(parent.ownerDocument.createElementNS("http://www.w3.org/1999/xhtml", "Em"));
  });
  expect(here.length).toBeGreaterThan(30);
  expect(here).toEqual(jsdom);
  // A few by hand, so that the comparison compares something.
  const row = (key: string) => here.find((r) => r[0] === key);
  expect(row("div.one")?.[1]).toBe("none");
  expect(row("div.one-more")?.[1]).toBe("block");
  expect(row("div.x\tone\ny")?.[1]).toBe("none");
  expect(row("p.six")?.[2]).toBe("hidden");
  expect(row("div.seven")?.[3]).toBe("none");
  expect(row("div.seven eight")?.[3]).toBe("auto");
  expect(row("em.")?.[1]).toBe("none");
  expect(row("a.")?.[2]).toBe("hidden");
  expect(row("div.Case")?.[1]).toBe("flex");
  expect(row("div.case")?.[1]).toBe("block");
});

test("calls with a pseudo-element or for another document's element go to jsdom", () => {
  const d = div("a");
  // jsdom reports pseudo-elements as not implemented (on the console) and answers for the element.
  const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
  expect(getComputedStyle(d, "::before")).not.toBe(getComputedStyle(d, "::before"));
  quiet.mockRestore();
  expect(getComputedStyle(d)).toBe(getComputedStyle(d));
  const other = document.implementation.createHTMLDocument("x");
  const e = other.createElement("div");
  other.body.appendChild(e);
  expect(getComputedStyle(e).display).toBe("block");
  expect(() => getComputedStyle(null as unknown as Element)).toThrow(TypeError);
});
