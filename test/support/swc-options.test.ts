/** scripts/swc-options.js: the @swc/jest options derived from a tsconfig.json, so that the tests
 * are compiled with the target and JSX mode `tsc` uses. Each case writes a tsconfig into a
 * temporary folder and reads it as jest.transform.js reads the repository's. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { transformSync, type JscTarget } from "@swc/core";

type Entry = [string, { jsc: { target: JscTarget; parser: { syntax: "typescript"; tsx: boolean }; transform: { react?: { runtime: "automatic" | "classic"; development?: boolean }; useDefineForClassFields: boolean } }; sourceMaps: string }];
const { jestTransform } = require("../../scripts/swc-options.js") as { jestTransform(file: string): Record<string, Entry> };

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "swc-options-")); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `text` as `name` in the temporary folder and returns its path. */
function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
const tsconfig = (options: Record<string, unknown>, name = "tsconfig.json") => write(name, JSON.stringify({ compilerOptions: options }));
const tsOptions = (file: string) => jestTransform(file)["^.+\\.ts$"][1];

describe("swc-options", () => {
  test("the repository's tsconfig.json gives the transform the three Jest configs use", () => {
    const fromConfig = require("../../jest.transform.js");
    expect(fromConfig).toEqual(jestTransform(path.join(__dirname, "..", "..", "tsconfig.json")));
    expect(Object.keys(fromConfig)).toEqual(["^.+\\.ts$", "^.+\\.tsx$"]);
    expect(fromConfig["^.+\\.ts$"][1].jsc.parser.tsx).toBe(false);
    expect(fromConfig["^.+\\.tsx$"][1].jsc.parser.tsx).toBe(true);
  });

  test("target and class fields follow tsc: assigned in the constructor below ES2022, defined from ES2022 on, unless set", () => {
    expect(tsOptions(tsconfig({ target: "ES2020" })).jsc).toMatchObject({ target: "es2020", transform: { useDefineForClassFields: false } });
    expect(tsOptions(tsconfig({ target: "es2022" })).jsc).toMatchObject({ target: "es2022", transform: { useDefineForClassFields: true } });
    expect(tsOptions(tsconfig({ target: "ES2022", useDefineForClassFields: false })).jsc.transform.useDefineForClassFields).toBe(false);
    expect(tsOptions(tsconfig({ target: "ES2019", useDefineForClassFields: true })).jsc.transform.useDefineForClassFields).toBe(true);
    expect(tsOptions(tsconfig({ target: "ESNext" })).jsc.target).toBe("esnext");
  });

  test("the JSX mode: automatic runtime, its development variant, the classic runtime, or none", () => {
    expect(tsOptions(tsconfig({ target: "ES2020", jsx: "react-jsx" })).jsc.transform.react).toEqual({ runtime: "automatic" });
    expect(tsOptions(tsconfig({ target: "ES2020", jsx: "react-jsxdev" })).jsc.transform.react).toEqual({ runtime: "automatic", development: true });
    expect(tsOptions(tsconfig({ target: "ES2020", jsx: "react" })).jsc.transform.react).toEqual({ runtime: "classic" });
    expect(tsOptions(tsconfig({ target: "ES2020" })).jsc.transform).not.toHaveProperty("react");
  });

  test("comments, trailing commas and `extends` are read as tsc reads them", () => {
    write("base.json", `{\n  // the shared options\n  "compilerOptions": { "target": "ES2019", "jsx": "react", },\n}\n`);
    const file = write("child.json", `{ "extends": "./base.json", /* only JSX changes */ "compilerOptions": { "jsx": "react-jsx" } }`);
    expect(tsOptions(file).jsc).toMatchObject({ target: "es2019", transform: { react: { runtime: "automatic" }, useDefineForClassFields: false } });
  });

  test("what has no mapping stops with a message naming the file and the option", () => {
    const missing = tsconfig({ jsx: "react-jsx" }, "no-target.json");
    expect(() => jestTransform(missing)).toThrow(`${missing}: no "target"`);
    expect(() => jestTransform(tsconfig({ target: "ES2023" }, "t.json"))).toThrow(/"target" ES2023 has no swc mapping/);
    expect(() => jestTransform(tsconfig({ target: "ES2020", jsx: "preserve" }, "j.json"))).toThrow(/"jsx" Preserve has no swc mapping/);
    expect(() => jestTransform(tsconfig({ target: "ES2020", experimentalDecorators: true }, "d.json"))).toThrow(/decorators have no swc mapping/);
    for (const [option, value] of [["jsxImportSource", "preact"], ["jsxFactory", "h"], ["jsxFragmentFactory", "Fragment"], ["verbatimModuleSyntax", true], ["esModuleInterop", false]] as const) {
      const file = tsconfig({ target: "ES2020", jsx: "react", [option]: value }, `${option}.json`);
      expect(() => jestTransform(file)).toThrow(`"${option}`);
    }
    expect(() => jestTransform(tsconfig({ target: "ES2020", esModuleInterop: true, verbatimModuleSyntax: false }, "fine.json"))).not.toThrow();
    const broken = write("broken.json", `{ "compilerOptions": { "target": "ES2020" `);
    expect(() => jestTransform(broken)).toThrow(broken);
    expect(() => jestTransform(path.join(dir, "absent.json"))).toThrow(/absent\.json/);
  });

  test("swc accepts the options and compiles class fields and JSX the way they say", () => {
    const source = `class Row { count = 1; }\nexport const el = <b>{new Row().count}</b>;\n`;
    const compile = (options: Record<string, unknown>) => {
      const { jsc } = jestTransform(tsconfig(options))["^.+\\.tsx$"][1];
      return transformSync(source, { filename: "row.tsx", jsc, module: { type: "commonjs" } }).code;
    };
    const assigned = compile({ target: "ES2020", jsx: "react-jsx" });
    expect(assigned).toMatch(/this\.count = 1/);
    expect(assigned).toMatch(/require\("react\/jsx-runtime"\)/);
    const defined = compile({ target: "ES2022", jsx: "react" });
    expect(defined).toMatch(/^\s*count = 1;/m);
    expect(defined).toMatch(/React\.createElement\("b"/);
  });
});
