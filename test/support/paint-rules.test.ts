/** @jest-environment jsdom */
/**
 * The paint-only rule filter of the task pane tests (test/support/paint-rules.ts): what it leaves
 * out and, above all, what it keeps, so that display, visibility and pointer-events computed by
 * jsdom are those of the full style sheets.
 */
import { isPaintOnlyRule, skipPaintOnlyRules } from "./paint-rules";

describe("isPaintOnlyRule", () => {
  test.each([
    ".fa{color:var(--colorNeutralForeground1);}",
    ".fb{background-color:red;}",
    ".fc:hover{border-bottom-color:red;border-top-left-radius:4px;}",
    ".fd{font-family:Segoe UI;font-size:14px;line-height:20px;}",
    ".fe{transition-duration:0.1s;transition-property:background;cursor:pointer;}",
    "@media (forced-colors: active){.ff{color:CanvasText;forced-color-adjust:none;}}",
    ".fg{background-image:none;}",
  ])("left out: %s", (rule) => {
    expect(isPaintOnlyRule(rule)).toBe(true);
  });

  test.each([
    ".fa{display:none;}",
    ".fb{visibility:hidden;}",
    ".fc{pointer-events:none;}",
    ".fd{color:red;display:flex;}",
    "@media (forced-colors: active){.fe{display:none;}}",
    ".ff{position:absolute;}",
    ".fg{overflow:hidden;}",
    ".fh{opacity:0;}",
    ".fi{width:100%;}",
    ".fj{padding:4px;}",
    ".fk{border:1px solid red;}",
    ".fl{--colorNeutralForeground1:#242424;}",
    ".fm{mask-image:url(data:image/svg+xml;base64,AAAA);}",
    "@keyframes fn{from{color:red;}to{color:blue;}}",
    "@font-face{font-family:X;}",
    "not a rule",
  ])("kept: %s", (rule) => {
    expect(isPaintOnlyRule(rule)).toBe(false);
  });
});

describe("skipPaintOnlyRules on jsdom's style sheets", () => {
  test("paint-only rules are not inserted; display, visibility and pointer-events come out as with every rule", () => {
    skipPaintOnlyRules(window);
    skipPaintOnlyRules(window); // idempotent: installed twice, still one filter
    const style = document.createElement("style");
    document.head.appendChild(style);
    const sheet = style.sheet!;
    for (const rule of [".hide{color:red;}", ".hide{display:none;}", ".ghost{visibility:hidden;}", ".inert{pointer-events:none;}", ".inert{cursor:default;}", ".red{color:red;}"]) {
      sheet.insertRule(rule, sheet.cssRules.length);
    }
    expect(Array.from(sheet.cssRules).map((r) => r.cssText.replace(/\s/g, ""))).toEqual([".hide{display:none;}", ".ghost{visibility:hidden;}", ".inert{pointer-events:none;}"]);
    document.body.innerHTML = '<div class="hide red">a</div><div class="ghost">b</div><div class="inert">c</div>';
    const [hide, ghost, inert] = Array.from(document.body.children);
    expect(getComputedStyle(hide).display).toBe("none");
    expect(getComputedStyle(ghost).visibility).toBe("hidden");
    expect(getComputedStyle(inert).pointerEvents).toBe("none");
  });
});
