/**
 * The import graph of a source folder, as TypeScript resolves it, and its cycles. Used by
 * test/architecture/layers.test.ts to hold src/ free of import cycles (docs/architecture.md).
 * Type-only imports count: a cycle through types still ties two files to each other.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/** File → the files of the same tree it imports (paths relative to `cwd`, "/"-separated). */
export type ImportGraph = Map<string, string[]>;

/**
 * Reads every .ts/.tsx file under `root` and resolves its imports (static, dynamic and
 * `export … from`) with the project's module resolution; imports of packages are left out.
 * @param root folder to read, e.g. "src".
 * @param cwd the repository root (paths in the graph are relative to it).
 */
export function importGraph(root: string, cwd: string): ImportGraph {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry.name)) files.push(p);
    }
  };
  walk(path.resolve(cwd, root));
  const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.ReactJSX };
  const rel = (f: string) => path.relative(cwd, f).split(path.sep).join("/");
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = new Set<string>();
    for (const imported of info.importedFiles) {
      const resolved = ts.resolveModuleName(imported.fileName, file, options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && !resolved.resolvedFileName.includes("node_modules")) targets.add(rel(resolved.resolvedFileName));
    }
    graph.set(rel(file), [...targets]);
  }
  return graph;
}

/**
 * The import cycles of a graph: its strongly connected components with more than one file, or
 * one file importing itself (Tarjan's algorithm).
 * @example findCycles(new Map([["a", ["b"]], ["b", ["a"]], ["c", ["a"]]])) // → [["a", "b"]]
 */
export function findCycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
