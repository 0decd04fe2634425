/**
 * Mutations of .xlsx files for the fuzz run: byte flips, truncation, damage to one zip entry,
 * and changes to the XML inside (through JSZip, which ExcelJS depends on, so the zip itself
 * stays valid and the damage reaches the XML readers). Deterministic for a given seed.
 */
import JSZip from "jszip";
import type { Random as Rng } from "../support/random";

/** One mutated file and what was done to it (for the failure report). */
export interface Mutant {
  bytes: Uint8Array;
  how: string;
}

function flipBytes(src: Uint8Array, rng: Rng): Mutant {
  const out = src.slice();
  const n = 1 + rng.int(0, 19);
  for (let k = 0; k < n; k++) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
  return { bytes: out, how: `${n} bits omgezet` };
}

function truncate(src: Uint8Array, rng: Rng): Mutant {
  const at = rng.int(0, src.length - 1);
  return { bytes: src.slice(0, at), how: `afgebroken na ${at} bytes` };
}

/** Texts that make XML readers and our ingest work hard. */
const NASTY = [
  "#REF!", "NaN", "-0", "1e309", "9".repeat(400), "=HYPERLINK(\"x\")", "@SUM(A1)", "\u0000", "&amp;&lt;", "x".repeat(40_000),
  "Totaal", "BAT 9", "BAT1", "2,5", "  ", "]]>", "<![CDATA[", "&#xFFFF;", "\uD800",
];

const XML_MUTATIONS: readonly ((xml: string, rng: Rng) => { xml: string; how: string })[] = [
  (xml, rng) => {
    const a = rng.int(0, xml.length - 1);
    const b = Math.min(xml.length, a + 1 + rng.int(0, 199));
    return { xml: xml.slice(0, a) + xml.slice(b), how: `XML ${a}-${b} weggelaten` };
  },
  (xml, rng) => {
    const a = rng.int(0, xml.length - 1);
    const b = Math.min(xml.length, a + 1 + rng.int(0, 499));
    const times = 1 + rng.int(0, 49);
    return { xml: xml.slice(0, b) + xml.slice(a, b).repeat(times) + xml.slice(b), how: `XML ${a}-${b} ${times}x herhaald` };
  },
  (xml, rng) => {
    const at = rng.int(0, xml.length - 1);
    const text = rng.pick(NASTY);
    return { xml: xml.slice(0, at) + text + xml.slice(at), how: `tekst ingevoegd op ${at}` };
  },
  (xml, rng) => {
    // Replace the contents of one <v> or <t> element.
    const re = /<(v|t)(\s[^>]*)?>([^<]*)<\/\1>/g;
    const hits = [...xml.matchAll(re)];
    if (hits.length === 0) return { xml, how: "geen <v>/<t>" };
    const h = rng.pick(hits);
    const text = rng.pick(NASTY).replace(/</g, "&lt;");
    return { xml: xml.slice(0, h.index) + `<${h[1]}${h[2] ?? ""}>${text}</${h[1]}>` + xml.slice(h.index! + h[0].length), how: `waarde vervangen door ${JSON.stringify(text.slice(0, 20))}` };
  },
  (xml, rng) => {
    // Damage a cell reference or a type attribute.
    const re = /\s(r|t|s|ref)="([^"]*)"/g;
    const hits = [...xml.matchAll(re)];
    if (hits.length === 0) return { xml, how: "geen attribuut" };
    const h = rng.pick(hits);
    const value = rng.pick(["XFD1048577", "A0", "", "e", "s", "b", "inlineStr", "999999999", "-1", "A1:XFD1048576", "ZZ"]);
    return { xml: xml.slice(0, h.index) + ` ${h[1]}="${value}"` + xml.slice(h.index! + h[0].length), how: `${h[1]}="${h[2]}" → "${value}"` };
  },
];

async function zipEntryMutation(src: Uint8Array, rng: Rng, xmlOnly: boolean): Promise<Mutant> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(src);
  } catch {
    return flipBytes(src, rng);
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir && (!xmlOnly || /\.(xml|rels)$/.test(n)));
  const name = rng.pick(names);
  let how: string;
  if (xmlOnly) {
    const xml = await zip.file(name)!.async("string");
    const m = rng.pick(XML_MUTATIONS)(xml, rng);
    zip.file(name, m.xml);
    how = `${name}: ${m.how}`;
  } else {
    const kind = rng.int(0, 2);
    if (kind === 0) {
      zip.remove(name);
      how = `${name} verwijderd`;
    } else if (kind === 1) {
      const data = await zip.file(name)!.async("uint8array");
      zip.file(name, data.slice(0, rng.int(0, data.length)));
      how = `${name} ingekort`;
    } else {
      zip.file(name, Uint8Array.from({ length: 1 + rng.int(0, 1999) }, () => rng.int(0, 255)));
      how = `${name} vervangen door willekeurige bytes`;
    }
  }
  const bytes = await zip.generateAsync({ type: "uint8array", compression: rng.int(0, 1) === 0 ? "DEFLATE" : "STORE" });
  return { bytes, how };
}

/**
 * One mutant of `src`: byte flips, a truncation, damage to one zip entry (removed, cut, random
 * bytes) or an XML change in one part (weights 2:1:2:5).
 */
export async function mutate(src: Uint8Array, rng: Rng): Promise<Mutant> {
  const r = rng.int(0, 9);
  if (r < 2) return flipBytes(src, rng);
  if (r < 3) return truncate(src, rng);
  if (r < 5) return zipEntryMutation(src, rng, false);
  return zipEntryMutation(src, rng, true);
}
