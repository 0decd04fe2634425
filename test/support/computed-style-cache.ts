/**
 * A faster `getComputedStyle` for the task pane tests in jsdom, returning what jsdom returns.
 *
 * Why: Testing Library's role queries (the accessible name of every candidate walks its subtree),
 * user-event (pointer-events) and Fluent's focus manager (tabster) call `getComputedStyle` many
 * times for the same elements between two DOM changes, and jsdom builds a new declaration each
 * time: it copies every cascaded property through cssstyle's parser and resolves the inherited
 * ones up the ancestors. Before this, the calls took about a fifth of the task-pane suites' time
 * (docs/performance.md, "The test suite").
 *
 * What it does, two things:
 * 1. **The computed declaration is kept per element as long as jsdom's own cascade cache is
 *    kept.** jsdom computes a computed style from nothing but the cascaded declarations of the
 *    element and its ancestors, which it caches in one `WeakMap` per document
 *    (`document._styleCache`) and drops (sets to null) whenever the document changes: any
 *    attribute (class, style, hidden, ...), any node inserted or removed, any text changed, a
 *    style sheet added or removed (jsdom's helpers/style-rules.js `invalidateStyleCache`). A
 *    declaration built while that map was current is what jsdom would build again from the same
 *    map, so it is returned again while the map is the same object; once jsdom drops the map,
 *    every kept declaration is dropped too. Calls with a pseudo-element, and elements of another
 *    document, go to jsdom unchanged.
 * 2. **Single-class and plain type selectors are matched directly.** jsdom matches every rule of
 *    every sheet against the element through nwsapi (a cache lookup keyed by the selector text and
 *    a compiled matcher per call): its own default style sheet (type selectors such as `div` or
 *    `article, aside, footer`) and Fluent's CSS-in-JS (Griffel), which inserts one rule per
 *    declaration, almost all of the form `.f1o700av`. In a no-quirks document (jsdom's in Jest)
 *    `.name` matches exactly the elements whose class attribute, split at ASCII whitespace, holds
 *    `name`, and a lowercase type selector an HTML element whose (lowercase) local name it is; a
 *    list of type selectors matches when one does. The element's classes are split once per element and
 *    cascade. Any other selector, and any element outside the HTML namespace for a type
 *    selector, goes to nwsapi. This only touches the matcher jsdom keeps for the cascade
 *    (`document._nwsapiDontThrow`); `matches()`, `querySelector()` and `closest()` use another.
 *
 * The returned declarations are shared: nobody may change one (browsers forbid it too).
 * Depends on jsdom's internals named above (checked by test/support/computed-style-cache.test.ts,
 * which fails when jsdom changes them); when they are missing, nothing is changed.
 */

/** A class selector of one plain class name (no escapes, no pseudo-classes, no combinators). */
const SINGLE_CLASS = /^\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)$/;

/** A lowercase type selector, or a list of them ("article, aside, footer"). */
const TYPE_LIST = /^[a-z][a-z0-9]*(\s*,\s*[a-z][a-z0-9]*)*$/;

const HTML_NS = "http://www.w3.org/1999/xhtml";

/** How a selector is matched: by one class, by local names, or by nwsapi. */
type Plan = { kind: "class"; name: string } | { kind: "types"; names: Set<string> } | { kind: "nwsapi" };

function planOf(selector: unknown): Plan {
  if (typeof selector !== "string") return { kind: "nwsapi" };
  const single = SINGLE_CLASS.exec(selector);
  if (single) return { kind: "class", name: single[1] };
  if (TYPE_LIST.test(selector)) return { kind: "types", names: new Set(selector.split(",").map((t) => t.trim())) };
  return { kind: "nwsapi" };
}

interface DocumentImpl {
  _styleCache?: WeakMap<object, unknown> | null;
  _nwsapiDontThrow?: { match(selector: string, element: Element): boolean; __singleClass?: boolean };
}

/** jsdom's implementation object behind a wrapper (the document), or null when it has none. */
export function implOf(wrapper: object): DocumentImpl | null {
  const symbol = Object.getOwnPropertySymbols(wrapper).find((s) => s.description === "impl");
  return symbol ? ((wrapper as Record<symbol, DocumentImpl>)[symbol] ?? null) : null;
}

/** Whether jsdom's internals this module relies on are where it expects them. */
export function supported(win: Window & typeof globalThis): boolean {
  const impl = implOf(win.document);
  if (!impl || !("_styleCache" in impl)) return false;
  win.getComputedStyle(win.document.documentElement);
  // jsdom's objects come from the realm Jest runs in, not the test's: no `instanceof WeakMap`.
  return Object.prototype.toString.call(impl._styleCache) === "[object WeakMap]" && typeof impl._nwsapiDontThrow?.match === "function";
}

/**
 * Installs both (idempotent). Returns false, changing nothing, when jsdom's internals are not
 * as described above.
 */
export function cacheComputedStyles(win: Window & typeof globalThis): boolean {
  const doc = win.document;
  const marked = win as unknown as { __computedStyleCache?: boolean };
  if (marked.__computedStyleCache) return true;
  if (!supported(win)) return false;
  const impl = implOf(doc)!;

  const nw = impl._nwsapiDontThrow!;
  if (doc.compatMode === "CSS1Compat" && !nw.__singleClass) {
    const match = nw.match;
    const plans = new Map<string, Plan>();
    // The classes of the element last matched, while the cascade cache they were read under holds
    // (a class change drops it).
    let classesOf: Element | null = null;
    let classesFor: unknown = null;
    let classes = new Set<string>();
    nw.match = function matchDirectly(selector: string, element: Element): boolean {
      let plan = plans.get(selector);
      if (!plan) {
        plan = planOf(selector);
        plans.set(selector, plan);
      }
      if (plan.kind === "class") {
        if (element !== classesOf || impl._styleCache !== classesFor || classesFor === null) {
          classesOf = element;
          classesFor = impl._styleCache;
          classes = new Set((element.getAttribute("class") ?? "").split(/[\t\n\f\r ]+/));
        }
        return classes.has(plan.name);
      }
      if (plan.kind === "types" && element.namespaceURI === HTML_NS) {
        const name = element.localName;
        if (plan.names.has(name)) return true;
        // An HTML element with capitals in its name (createElementNS) is left to nwsapi.
        if (name === name.toLowerCase()) return false;
      }
      return match.call(this, selector, element);
    };
    nw.__singleClass = true;
  }

  const computed = win.getComputedStyle;
  let kept: WeakMap<Element, CSSStyleDeclaration> = new WeakMap();
  let keptFor: unknown = null;
  win.getComputedStyle = function getComputedStyleKept(element: Element, pseudo?: string | null): CSSStyleDeclaration {
    if ((pseudo !== undefined && pseudo !== null && pseudo !== "") || !(element instanceof win.Element) || element.ownerDocument !== doc) {
      return computed.call(win, element, pseudo);
    }
    if (impl._styleCache && impl._styleCache === keptFor) {
      const hit = kept.get(element);
      if (hit) return hit;
    }
    const style = computed.call(win, element, pseudo);
    if (impl._styleCache !== keptFor) {
      keptFor = impl._styleCache;
      kept = new WeakMap();
    }
    kept.set(element, style);
    return style;
  };
  marked.__computedStyleCache = true;
  return true;
}
