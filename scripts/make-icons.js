#!/usr/bin/env node
// Draws the add-in icons (16, 32, 64 and 80 px PNG) into assets/: a rounded blue tile with a
// white step-free "threshold" mark. Uses only Node's zlib to encode PNG. Run once; output committed.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function icon(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.18;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const i = y * (size * 4 + 1) + 1 + x * 4;
      // rounded-corner mask
      const cx = Math.min(Math.max(x + 0.5, r), size - r);
      const cy = Math.min(Math.max(y + 0.5, r), size - r);
      const inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
      if (!inside) continue;
      const u = (x + 0.5) / size, v = (y + 0.5) / size;
      // white mark: a level floor line and a house outline without a step
      const floor = v > 0.72 && v < 0.8 && u > 0.15 && u < 0.85;
      const walls = ((u > 0.25 && u < 0.32) || (u > 0.68 && u < 0.75)) && v > 0.42 && v <= 0.72;
      const roof = v > 0.2 && v <= 0.45 && Math.abs(u - 0.5) < (v - 0.2) * 1.5 + 0.04 && Math.abs(u - 0.5) > (v - 0.2) * 1.5 - 0.06;
      const white = floor || walls || roof;
      raw[i] = white ? 255 : 0x0f;
      raw[i + 1] = white ? 255 : 0x6c;
      raw[i + 2] = white ? 255 : 0xbd;
      raw[i + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), icon(size));
}
console.log("iconen geschreven naar assets/");
