/**
 * The `--uit` workbook's shared strings: the input's part byte for byte, the result sheets'
 * texts appended, the counts updated.
 */
import { ColumnTally, SharedTexts } from "../../src/workbook/shared-texts";
import { writeSharedStringsPart } from "../../src/workbook/shared-strings-part";
import { CopySourceError } from "../../src/workbook/sheet-copy";

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function part(input: string | null, base: number, texts: SharedTexts, chunkSize = 7): Promise<string> {
  const out: Buffer[] = [];
  await writeSharedStringsPart({ write: (t) => void out.push(Buffer.from(t, "utf8")), writeBytes: (b) => void out.push(Buffer.from(b)) },
    input === null ? null : chunks(input, chunkSize), base, texts);
  return Buffer.concat(out).toString("utf8");
}

function table(base: number, words: string[]): SharedTexts {
  const texts = new SharedTexts(base);
  const tally = new ColumnTally();
  for (const w of words) texts.index(w, 0, tally);
  return texts;
}

describe("writeSharedStringsPart", () => {
  const input = '\ufeff<?xml version="1.0"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="2">' +
    '<si><t>één</t></si><si><r><rPr><b/></rPr><t>vet</t></r></si></sst>\n';

  test.each([1, 7, 4096])("keeps the input's entries byte for byte and appends the table's after them (chunks of %i bytes)", async (size) => {
    const texts = table(2, ["ja", "nee", "ja", " spatie"]);
    expect(texts.index("nee", 0, new ColumnTally())).toBe(3);
    const xml = await part(input, 2, texts, size);
    expect(xml).toBe('\ufeff<?xml version="1.0"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="10" uniqueCount="5">' +
      '<si><t>één</t></si><si><r><rPr><b/></rPr><t>vet</t></r></si><si><t>ja</t></si><si><t>nee</t></si><si><t xml:space="preserve"> spatie</t></si></sst>\n');
  });

  test("a prefixed root: the new entries carry the prefix; an empty root is opened", async () => {
    const prefixed = '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1"><x:si><x:t>a</x:t></x:si></x:sst>';
    expect(await part(prefixed, 1, table(1, ["b"]))).toBe(
      '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="2" count="2"><x:si><x:t>a</x:t></x:si><x:si><x:t>b</x:t></x:si></x:sst>');
    expect(await part('<sst xmlns="m" count="0" uniqueCount="0"/>', 0, table(0, ["b"]))).toBe('<sst xmlns="m" count="1" uniqueCount="1"><si><t>b</t></si></sst>');
  });

  test("without an input part: the table alone; a part without sst is refused", async () => {
    expect(await part(null, 0, table(0, ["x", "x"]))).toMatch(/<sst [^>]*count="2" uniqueCount="1"><si><t>x<\/t><\/si><\/sst>$/);
    await expect(part("<other/>", 0, table(0, []))).rejects.toBeInstanceOf(CopySourceError);
  });

  test.each([1, 7, 4096])("what follows the root's end tag (a comment, white space) is kept after it (chunks of %i bytes)", async (size) => {
    const after = "\n<!-- " + "x".repeat(100) + " -->\n" + " ".repeat(80);
    const xml = await part('<sst xmlns="m" count = \'1\' uniqueCount="1"><si><t>a</t></si></sst >' + after, 1, table(1, ["b"]), size);
    expect(xml).toBe('<sst xmlns="m" count="2" uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst >' + after);
    const empty = await part('<sst xmlns="m"/><!-- leeg -->', 0, table(0, ["b"]), size);
    expect(empty).toBe('<sst xmlns="m" count="1" uniqueCount="1"><si><t>b</t></si></sst><!-- leeg -->');
  });

  test("a part without the root's end tag is a damaged input", async () => {
    await expect(part('<sst xmlns="m"><si><t>a</t></si>', 1, table(1, ["b"]))).rejects.toBeInstanceOf(CopySourceError);
    await expect(part('<sst xmlns="m"><si><t>a</t></si></sst', 1, table(1, ["b"]))).rejects.toBeInstanceOf(CopySourceError);
  });
});
