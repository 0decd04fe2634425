/**
 * Shared pieces of the safety tests (test/safety): the bat-bzk command run in process, a file
 * hash, a per-test folder, and the worksheet XML of an .xlsx package read with JSZip (the zip
 * library ExcelJS itself uses) so that tests can look at what Excel will actually see.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";

/** Runs `bat-bzk` with captured standard output and error. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** SHA-256 of a file's bytes. */
export const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A fresh temporary folder. */
export const freshDir = (tag: string): string => mkdtempSync(path.join(tmpdir(), `bat-bzk-${tag}-`));

/** The XML of every worksheet part in an .xlsx package, by sheet name (from xl/workbook.xml). */
export async function worksheetXml(bytes: Uint8Array | Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g)) {
    const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${m[2]}"[^>]*\\bTarget="([^"]*)"`).exec(rels)
      ?? new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]*)"[^>]*\\bId="${m[2]}"`).exec(rels);
    if (!rel) throw new Error(`no relationship ${m[2]}`);
    const target = rel[1].startsWith("/") ? rel[1].slice(1) : `xl/${rel[1]}`;
    out.set(unescapeXml(m[1]), await zip.file(target)!.async("string"));
  }
  return out;
}

/** References of the cells that hold a formula (`<f>` element) in one worksheet's XML. */
export function formulaCells(xml: string): string[] {
  const refs: string[] = [];
  for (const m of xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/c>/g)) {
    if (/<f[\s>/]/.test(m[2])) refs.push(m[1]);
  }
  return refs;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
