/**
 * What kind of file a user gave us, from its bytes, so that a file that is not an .xlsx gets a
 * message that says what it is and what to do: an empty file, a text file (a CSV renamed to
 * .xlsx), an old binary .xls, a password-protected workbook, or something else.
 *
 * An .xlsx is a zip archive (first bytes "PK"). Old .xls files and password-protected .xlsx
 * files are both OLE compound files (first bytes D0 CF 11 E0 A1 B1 1A E1); they differ in the
 * streams inside: Excel stores an encrypted workbook as the streams "EncryptionInfo" and
 * "EncryptedPackage" ([MS-OFFCRYPTO] §2.3.4), an .xls as "Workbook" (or "Book" for Excel 5/95)
 * ([MS-XLS] §2.1.2). The compound file's directory is read as [MS-CFB] §2.2-2.6 describes:
 * header, FAT sectors listed in the header, the directory sector chain, 128-byte entries with
 * UTF-16LE names. Pure: works on bytes, no file system.
 */
import { UserError } from "../domain/issues";

/** What the bytes are. `zip` means "looks like an .xlsx" (it may still be damaged inside). */
export type ContainerKind = "zip" | "leeg" | "tekst" | "versleuteld" | "xls" | "ole" | "onbekend";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when the bytes start as an OLE compound file does. */
export function isOle(head: Uint8Array): boolean {
  return head.length >= 8 && OLE_MAGIC.every((b, i) => head[i] === b);
}

/** True when the bytes start as a zip archive ("PK"). */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b;
}

/**
 * Does this look like text (a CSV, TSV, HTML or XML file)? No NUL bytes and at most 5 %
 * control characters other than tab, CR and LF in the first 4 KB. UTF-16 text with a byte order
 * mark counts as text too.
 */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  const n = Math.min(head.length, 4096);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return false;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) control++;
  }
  return control <= n * 0.05;
}

/**
 * Names of the streams and storages in an OLE compound file, or null when its structure cannot
 * be followed (then the caller only knows it is an OLE file). Bounded: at most 4,096 directory
 * sectors are read, each once.
 *
 * @param bytes the whole file.
 */
function oleEntryNames(bytes: Uint8Array): string[] | null {
  if (!isOle(bytes) || bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorOffset = (s: number) => (s + 1) * size;
  const sectorCount = Math.floor((bytes.length - size) / size);
  // The FAT, from the sectors the header lists (the first 109; enough for files up to
  // 6.8 MB with 512-byte sectors and 436 MB with 4 KB sectors, and the directory is usually
  // near the start).
  const fat: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (s >= 0xfffffffa) continue;
    if (s >= sectorCount) return null;
    const base = sectorOffset(s);
    for (let k = 0; k < size / 4; k++) fat.push(view.getUint32(base + k * 4, true));
  }
  const names: string[] = [];
  const seen = new Set<number>();
  let s = view.getUint32(0x30, true);
  while (s < 0xfffffffa) {
    if (s >= sectorCount || seen.has(s) || seen.size >= 4096) return names.length > 0 ? names : null;
    seen.add(s);
    const base = sectorOffset(s);
    for (let e = 0; e < size / 128; e++) {
      const o = base + e * 128;
      const type = bytes[o + 0x42];
      const len = view.getUint16(o + 0x40, true);
      if ((type !== 1 && type !== 2) || len < 2 || len > 64) continue;
      let name = "";
      for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(view.getUint16(o + i * 2, true));
      names.push(name);
    }
    s = s < fat.length ? fat[s] : 0xfffffffe;
  }
  return names;
}

/**
 * What kind of file this is.
 *
 * @param head the first bytes of the file (at least 8; 4 KB for the text check), or the whole
 *   file. For an OLE file, pass the whole file to tell an encrypted workbook from an .xls;
 *   with only the head the answer is "ole".
 */
function containerKind(head: Uint8Array): ContainerKind {
  if (head.length === 0) return "leeg";
  if (isZip(head)) return "zip";
  if (isOle(head)) {
    const names = (oleEntryNames(head) ?? []).map((n) => n.toLowerCase());
    if (names.includes("encryptedpackage") || names.includes("encryptioninfo")) return "versleuteld";
    if (names.includes("workbook") || names.includes("book")) return "xls";
    return "ole";
  }
  return looksLikeText(head) ? "tekst" : "onbekend";
}

/**
 * The Dutch message for a file that cannot be read as an .xlsx, by its kind: one line that says
 * what the file is and what to do.
 *
 * @param kind from {@link containerKind}; "zip" means a damaged or incomplete workbook.
 * @param label how to name the file, e.g. "Bestand 'voorraad.xlsx'".
 */
export function containerMessage(kind: ContainerKind, label: string): string {
  switch (kind) {
    case "leeg":
      return `${label} is leeg (0 bytes). Kies het juiste bestand, of sla de werkmap in Excel opnieuw op.`;
    case "tekst":
      return `${label} is een tekstbestand (bijvoorbeeld CSV), geen Excel-werkmap. Open het in Excel en sla het op als Excel-werkmap (.xlsx).`;
    case "versleuteld":
      return `${label} is met een wachtwoord beveiligd (versleuteld) en kan daardoor niet worden gelezen. ` +
        `Open het in Excel, haal het wachtwoord weg (Bestand › Info › Werkmap beveiligen › Versleutelen met wachtwoord) en sla het op.`;
    case "xls":
      return `${label} is een oud Excel-bestand (.xls). Open het in Excel en sla het op als Excel-werkmap (.xlsx).`;
    case "ole":
      return `${label} is een oud .xls-bestand, een met een wachtwoord beveiligde werkmap of een ander Office-bestand, ` +
        `geen Excel-werkmap (.xlsx). Open het in Excel en sla het op als Excel-werkmap (.xlsx) zonder wachtwoord.`;
    case "zip":
      return `${label} is beschadigd of onvolledig: het is geen leesbare Excel-werkmap (.xlsx). ` +
        `Open het in Excel en sla het opnieuw op als Excel-werkmap, of vraag om een nieuw exemplaar.`;
    case "onbekend":
      return `${label} is geen Excel-werkmap (.xlsx). Kies de werkmap, of open het bestand in Excel en sla het op als Excel-werkmap.`;
  }
}

/**
 * Throws the Dutch {@link UserError} for bytes that are not an .xlsx; returns for a zip archive.
 * @param bytes see {@link containerKind}. @param label how to name the file.
 * @throws UserError (exit code 1).
 */
export function checkContainer(bytes: Uint8Array, label: string): void {
  const kind = containerKind(bytes);
  if (kind !== "zip") throw new UserError(containerMessage(kind, label));
}
