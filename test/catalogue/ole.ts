/**
 * A minimal OLE compound file (CFB version 3, 512-byte sectors), enough to stand for what Excel
 * writes for a password-protected .xlsx ("EncryptionInfo" + "EncryptedPackage" streams) or an
 * old binary .xls (a "Workbook" stream). Layout, from [MS-CFB] §2.2-2.6: header, one FAT
 * sector (sector 0), one directory sector (sector 1), then the streams' sectors in order.
 * Streams are given sizes of at least 4096 bytes so that they live in normal sectors (no mini
 * stream). Test fixture only.
 */

const SECTOR = 512;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;

/** One stream in the root storage: its name, size in bytes (>= 4096) and fill byte. */
export interface OleStream {
  name: string;
  size: number;
  fill: number;
}

function dirEntry(view: DataView, offset: number, name: string, type: number, child: number, right: number, start: number, size: number): void {
  for (let i = 0; i < name.length; i++) view.setUint16(offset + i * 2, name.charCodeAt(i), true);
  view.setUint16(offset + 0x40, (name.length + 1) * 2, true);
  view.setUint8(offset + 0x42, type);
  view.setUint8(offset + 0x43, 1);
  view.setUint32(offset + 0x44, NOSTREAM, true);
  view.setUint32(offset + 0x48, right, true);
  view.setUint32(offset + 0x4c, child, true);
  view.setUint32(offset + 0x74, start, true);
  view.setUint32(offset + 0x78, size, true);
}

/** Builds the compound file. At most 3 streams (one directory sector holds 4 entries). */
export function oleContainer(streams: OleStream[]): Uint8Array {
  if (streams.length > 3) throw new Error("oleContainer: at most 3 streams");
  const sectorsOf = streams.map((s) => Math.ceil(s.size / SECTOR));
  const total = 2 + sectorsOf.reduce((a, b) => a + b, 0);
  const bytes = new Uint8Array(SECTOR * (1 + total));
  const view = new DataView(bytes.buffer);
  // Header.
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (bytes[i] = b));
  view.setUint16(0x18, 0x003e, true);
  view.setUint16(0x1a, 0x0003, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // directory in sector 1
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, ENDOFCHAIN, true);
  view.setUint32(0x44, ENDOFCHAIN, true);
  view.setUint32(0x4c, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, FREESECT, true);
  // FAT (sector 0 at file offset 512).
  const fat = (i: number, v: number) => view.setUint32(SECTOR + i * 4, v, true);
  for (let i = 0; i < SECTOR / 4; i++) fat(i, FREESECT);
  fat(0, FATSECT);
  fat(1, ENDOFCHAIN);
  let next = 2;
  const starts: number[] = [];
  streams.forEach((s, si) => {
    starts.push(next);
    for (let k = 0; k < sectorsOf[si]; k++) {
      const sector = next + k;
      fat(sector, k === sectorsOf[si] - 1 ? ENDOFCHAIN : sector + 1);
      bytes.fill(s.fill, SECTOR * (1 + sector), SECTOR * (2 + sector));
    }
    next += sectorsOf[si];
  });
  // Directory (sector 1 at file offset 1024): root, then the streams as a chain of right siblings.
  const dir = SECTOR * 2;
  dirEntry(view, dir, "Root Entry", 5, streams.length > 0 ? 1 : NOSTREAM, NOSTREAM, ENDOFCHAIN, 0);
  streams.forEach((s, i) => {
    dirEntry(view, dir + 128 * (i + 1), s.name, 2, NOSTREAM, i + 1 < streams.length ? i + 2 : NOSTREAM, starts[i], s.size);
  });
  for (let i = streams.length + 1; i < 4; i++) {
    const o = dir + 128 * i;
    view.setUint32(o + 0x44, NOSTREAM, true);
    view.setUint32(o + 0x48, NOSTREAM, true);
    view.setUint32(o + 0x4c, NOSTREAM, true);
  }
  return bytes;
}
