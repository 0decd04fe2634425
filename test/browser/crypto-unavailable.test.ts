/**
 * The stand-in for Node's `crypto` that webpack.config.js puts in the browser builds instead of
 * crypto-browserify: it must cover every `crypto` member ExcelJS's sources call, and ExcelJS must
 * still work without it except for protecting a sheet with a password, which fails with a clear
 * message instead of a wrong hash. Here ExcelJS's Node build stands in for the bundled sources
 * (the same lib/ files), with `crypto` mocked to the stand-in.
 */
import * as fs from "node:fs";
import * as path from "node:path";

jest.mock("crypto", () => jest.requireActual("../../src/browser/crypto-unavailable"));

import * as standIn from "../../src/browser/crypto-unavailable";
import ExcelJS from "exceljs";

const EXCELJS_LIB = path.join(path.dirname(require.resolve("exceljs/package.json")), "lib");

/** Every `crypto.<member>` named in ExcelJS's lib/ sources outside comments, with the files naming it. */
function cryptoMembersUsedByExcelJs(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".js")) {
        const source = fs
          .readFileSync(full, "utf8")
          .replace(/\/\*[\s\S]*?\*\//g, "")
          .replace(/^\s*\/\/.*$/gm, "");
        if (!/require\(['"]crypto['"]\)/.test(source)) continue;
        for (const m of source.matchAll(/\bcrypto\.(\w+)/g)) used.set(m[1], [...(used.get(m[1]) ?? []), path.relative(EXCELJS_LIB, full)]);
      }
    }
  };
  walk(EXCELJS_LIB);
  return used;
}

describe("crypto stand-in for the browser builds", () => {
  test("covers every crypto member ExcelJS's sources call, and each one throws the Dutch message", () => {
    const used = cryptoMembersUsedByExcelJs();
    // ExcelJS 4.4.0: lib/utils/encryptor.js (createHash, getHashes, randomBytes).
    expect(used.size).toBeGreaterThan(0);
    for (const member of used.keys()) {
      const fn = (standIn as unknown as Record<string, unknown>)[member];
      expect({ member, type: typeof fn }).toEqual({ member, type: "function" });
      expect(() => (fn as (...args: unknown[]) => unknown)("sha512")).toThrow(standIn.CRYPTO_UNAVAILABLE_MESSAGE);
    }
  });

  test("the message is Dutch for the user and names the cause for a developer", () => {
    expect(standIn.CRYPTO_UNAVAILABLE_MESSAGE).toMatch(/^Een werkblad met een wachtwoord beveiligen kan/);
    expect(standIn.CRYPTO_UNAVAILABLE_MESSAGE).toContain("worksheet.protect");
  });

  test("ExcelJS without crypto: protecting a sheet with a password rejects with the message", async () => {
    const sheet = new ExcelJS.Workbook().addWorksheet("Blad1");
    await expect(sheet.protect("geheim", {})).rejects.toThrow(standIn.CRYPTO_UNAVAILABLE_MESSAGE);
  });

  test("ExcelJS without crypto still reads and writes a workbook (and protects without a password)", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Woningen");
    sheet.addRow(["VHE", "BAT"]);
    sheet.addRow(["1001", 3]);
    await sheet.protect("", {});
    const bytes = await wb.xlsx.writeBuffer();

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as ArrayBuffer);
    const read = back.getWorksheet("Woningen")!;
    expect(read.getCell("A2").value).toBe("1001");
    expect(read.getCell("B2").value).toBe(3);
    // Not in ExcelJS's typings: the parsed <sheetProtection> element.
    const protection = (read as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection).not.toHaveProperty("hashValue");
  });
});
