/**
 * Creates the sample workbooks and writes them to disk so that a rebuild gives the same bytes:
 * fixed creator and creation date, and fixed zip timestamps. The committed files in assets/ then
 * change only when their contents do (README.md, "Voorbeeldwerkmappen"; scripts/check-samples.sh
 * and test/samples-build.test.ts check it).
 */
"use strict";

const fs = require("fs");
const ExcelJS = require("exceljs");

const CREATOR = "BAT → BZK woonvoorraad (voorbeeld)";
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

/** An empty ExcelJS workbook with the fixed creator and dates. */
function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/**
 * The zip container ExcelJS writes stamps every entry with the current time. Overwrite those DOS
 * time/date fields (local headers and central directory) with FIXED_DATE, so that a rebuild gives
 * the same bytes and the committed .xlsx files do not change without reason. Returns a copy;
 * throws (in Dutch) when the buffer is not the zip layout expected.
 */
function fixZipTimestamps(buffer) {
  const buf = Buffer.from(buffer);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("xlsx: einde van de zip-map niet gevonden");
  const d = FIXED_DATE;
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("xlsx: onverwachte zip-map");
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error("xlsx: onverwachte zip-kop");
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

/** Writes the workbook to `file` with fixed zip timestamps. */
async function writeWorkbook(wb, file) {
  const buffer = await wb.xlsx.writeBuffer();
  fs.writeFileSync(file, fixZipTimestamps(buffer));
}

module.exports = { newWorkbook, writeWorkbook, fixZipTimestamps, FIXED_DATE };
