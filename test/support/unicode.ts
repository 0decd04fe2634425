/**
 * Texts over every kind of character, cheaply: fast-check's `fc.string({ unit: "binary" })` draws
 * from all 1,112,064 code points through a reverse map of every one of them (~1.1 s of CPU per test
 * file the first time it is used), where these draw code points from a few ranges with
 * `fc.integer`.
 */
import fc from "fast-check";

/** One character (a string of one or two UTF-16 code units), from one of the classes that matter
 * for UTF-16/UTF-8/JSON handling, each drawn equally often:
 * - ASCII 0x00–0x7F: control characters, quotes, backslash, DEL, letters (1 UTF-8 byte);
 * - U+0080–U+07FF: accents, Latin-1 (2 bytes);
 * - U+0800–U+FFFF outside the surrogates: arrows, € (3 bytes);
 * - U+10000–U+10FFFF: astral characters such as emoji, a surrogate pair (4 bytes);
 * - with `loneSurrogates`: a lone high or low surrogate U+D800–U+DFFF (no UTF-8 form; JSON
 *   escapes it as \uXXXX).
 * Two consecutive lone surrogates may pair up in the text (a high one then a low one). */
export function anyCharacter(options: { loneSurrogates?: boolean } = {}): fc.Arbitrary<string> {
  const ranges: [number, number][] = [
    [0x00, 0x7f],
    [0x80, 0x7ff],
    [0x800, 0xd7ff],
    [0xe000, 0xffff],
    [0x10000, 0x10ffff],
  ];
  if (options.loneSurrogates) ranges.push([0xd800, 0xdfff]);
  return fc.oneof(...ranges.map(([min, max]) => fc.integer({ min, max }).map((cp) => String.fromCodePoint(cp))));
}

/** A text of characters from {@link anyCharacter}; `maxLength` counts characters. */
export function anyText(options: { maxLength?: number; loneSurrogates?: boolean } = {}): fc.Arbitrary<string> {
  return fc.string({ unit: anyCharacter(options), maxLength: options.maxLength });
}
