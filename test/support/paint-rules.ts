/**
 * Paint-only CSS rules left out of jsdom's style sheets in the task pane tests.
 *
 * Why: jsdom computes a style (`getComputedStyle`) by matching the element against every rule of
 * every style sheet of the document, anew after each DOM change. Testing Library's role queries
 * (the accessible name of each candidate and its text), user-event (pointer-events) and Fluent's
 * focus manager (tabster) ask for it on many elements, and Fluent UI's CSS-in-JS (Griffel) puts
 * one rule per declaration in the document: about 720 rules after an analysis, about a fifth of
 * the task-pane suites' time (docs/performance.md, "The test suite").
 *
 * What is left out: a style rule (also inside `@media`) whose declarations all set paint
 * properties ({@link PAINT_ONLY}: colours, backgrounds, border colours/styles/radii, outlines,
 * shadows, typography, transitions, animations, cursor). Those change how a box is painted, never
 * whether it is displayed, visible or takes pointer events, nor where it is placed: the
 * `display`, `visibility` and `pointer-events` that the queries and user-event read, and the
 * `position`, `overflow`, `transform`, sizes and spacing that Fluent's positioning reads, come
 * out the same. A rule with any other declaration, an at-rule other than `@media` and anything
 * this module cannot read is kept. No test here reads a paint property from a computed style; a
 * test that needs one must not use this (test/support/paint-rules.test.ts shows what it keeps).
 */

/** Properties that only paint: a rule setting nothing else is not inserted. */
export const PAINT_ONLY =
  /^(color|caret-color|accent-color|background(-[a-z-]+)?|border(-(top|right|bottom|left|block|inline|block-start|block-end|inline-start|inline-end))?-(color|style)|border-color|border-style|border(-(top|bottom|start|end)-(left|right|start|end))?-radius|outline(-[a-z]+)?|box-shadow|text-shadow|font(-[a-z-]+)?|-webkit-font-smoothing|-moz-osx-font-smoothing|line-height|letter-spacing|text-decoration(-[a-z]+)?|text-transform|text-underline-offset|transition(-[a-z-]+)?|animation(-[a-z-]+)?|cursor|fill|stroke|forced-color-adjust)$/;

/** The property names of the declarations in `{...}` blocks of a rule's text, or null if it has none. */
function declaredProperties(ruleText: string): string[] | null {
  const blocks = ruleText.match(/\{[^{}]*\}/g);
  if (!blocks) return null;
  const names: string[] = [];
  for (const block of blocks) {
    for (const declaration of block.slice(1, -1).split(";")) {
      const colon = declaration.indexOf(":");
      if (declaration.trim() === "") continue;
      // A piece without a colon (a ';' inside a value, e.g. a data: URL) counts as unknown: kept.
      names.push(colon < 0 ? declaration : declaration.slice(0, colon).trim().toLowerCase());
    }
  }
  return names;
}

/**
 * True when `ruleText` (as passed to `CSSStyleSheet.insertRule`) is a style rule, or an `@media`
 * rule of style rules, that sets paint properties only.
 */
export function isPaintOnlyRule(ruleText: string): boolean {
  const text = ruleText.trim();
  if (text.startsWith("@") && !text.startsWith("@media")) return false;
  const names = declaredProperties(text);
  return names !== null && names.length > 0 && names.every((n) => PAINT_ONLY.test(n));
}

/**
 * Makes `insertRule` of the window's style sheets skip paint-only rules (it returns the index as
 * if inserted; Griffel and Fluent insert at the end and keep no index). Idempotent.
 */
export function skipPaintOnlyRules(win: Window & typeof globalThis): void {
  const proto = win.CSSStyleSheet.prototype as CSSStyleSheet & { __paintRulesSkipped?: boolean };
  if (proto.__paintRulesSkipped) return;
  const insertRule = proto.insertRule;
  proto.insertRule = function insertPaintful(this: CSSStyleSheet, rule: string, index?: number): number {
    if (isPaintOnlyRule(rule)) return index ?? 0;
    return insertRule.call(this, rule, index);
  };
  proto.__paintRulesSkipped = true;
}
