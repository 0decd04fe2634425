/**
 * The bad-input catalogue (issue 5): what people's ERP exports and colleagues' spreadsheets
 * really hold, and what the tool must do with each. Every case names its input (built with
 * ExcelJS from cell arrays, or raw bytes) and its expected behaviour: exit code, the balance
 * rows read = rows classified + rows set aside, and which issue names which sheet and cell.
 * catalogue.test.ts runs each case through the command line and the in-memory port, and checks
 * the invariants that hold for every case (balance, every set-aside row named, every message
 * naming its cell and saying what to do). docs/handleiding.md "Foutmeldingen" is the user's
 * version of this list.
 *
 * Sheet layout used by most cases (see workbooks.ts `stock`): row 1 is the header
 * VHE-nummer | Complex | BAT-score | Aantal (columns A-D), data from row 2.
 */
import JSZip from "jszip";
import type { Severity } from "../../src/domain/issues";
import type { Balance, CaseOptions, Outcome } from "./routes";
import {
  csvBytes, demand, dwellings, encryptedBytes, oldXlsBytes, plainZipBytes, stock, STOCK_HEADER, validStockBytes, withDamagedSheetRels, xlsx,
} from "./workbooks";

/** An issue the case must produce (on both routes unless the case says otherwise). */
export interface ExpectedIssue {
  code: string;
  severity?: Severity;
  sheet?: string | null;
  cell?: string | null;
  /** Must match the message. */
  text?: RegExp;
}

/** What a case must do. */
export interface Expected {
  exit: 0 | 1;
  /** Exit 1: the one line on stderr (CLI) / the UserError's message (port). */
  stderr?: RegExp;
  balance?: Partial<Balance>;
  issues?: ExpectedIssue[];
  /** Issue codes that must not occur. */
  absent?: string[];
  /** Further checks on the outcome. */
  check?: (o: Outcome) => void;
}

/** One catalogue case. `port`/`cli`/`worker` override parts of `expect` for one route; the
 * browser page's worker reads with the command line's reader, so `cli` applies to it too
 * (before `worker`). */
export interface Case {
  name: string;
  /** The file's contents; null for a file that does not exist. */
  input: () => Promise<Uint8Array | null> | Uint8Array | null;
  options?: CaseOptions;
  expect: Expected;
  cli?: Partial<Expected>;
  port?: Partial<Expected>;
  worker?: Partial<Expected>;
  /** Routes to run (default all three). A file that does not exist has no port or worker route. */
  routes?: ("cli" | "port" | "worker")[];
}

const LONG = "x".repeat(40_000);
const B = (b: Partial<Balance>) => b;
const DATE = new Date(Date.UTC(2024, 2, 1));

/** Exit 1 with a message matching `re` on both routes; `portRe` when the port words it differently. */
function unreadable(re: RegExp, portRe?: RegExp): Pick<Case, "expect" | "port"> {
  return { expect: { exit: 1, stderr: re }, port: portRe ? { stderr: portRe } : undefined };
}

export const CASES: Case[] = [
  // ---- BAT values --------------------------------------------------------------------------
  {
    name: "BAT buiten bereik (7)",
    input: () => xlsx(stock(dwellings([2, 7, 1]))),
    expect: {
      exit: 0, balance: B({ gelezen: 3, ingedeeld: 2, terzijde: 1, eenheden: 2 }),
      issues: [{ code: "bat-buiten-bereik", severity: "fout", sheet: "Voorraad", cell: "C3", text: /'7' bestaat niet.*0 t\/m 4/ }],
    },
  },
  {
    name: "BAT negatief (-1)",
    input: () => xlsx(stock(dwellings([2, -1]))),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1 }), issues: [{ code: "bat-buiten-bereik", cell: "C3", text: /'-1'/ }] },
  },
  {
    name: "BAT met decimalen (2,5)",
    input: () => xlsx(stock(dwellings([2.5, 3]))),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1 }), issues: [{ code: "bat-geen-geheel-getal", severity: "fout", cell: "C2", text: /'2,5' is geen heel getal/ }] },
  },
  {
    name: "BAT als tekst ('hoog')",
    input: () => xlsx(stock(dwellings([1, "hoog", 3]))),
    expect: { exit: 0, balance: B({ gelezen: 3, ingedeeld: 2, terzijde: 1 }), issues: [{ code: "bat-onleesbaar", severity: "fout", cell: "C3", text: /'hoog' is geen BAT-score/ }] },
  },
  {
    name: "BAT is een datum",
    input: () => xlsx(stock(dwellings([1, DATE]))),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1 }), issues: [{ code: "bat-onleesbaar", severity: "fout", cell: "C3", text: /2024-03-01/ }] },
  },
  {
    name: "BAT is WAAR (booleaanse cel)",
    input: () => xlsx(stock(dwellings([true, 2]))),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1 }), issues: [{ code: "bat-onleesbaar", cell: "C2", text: /'WAAR'/ }] },
  },
  {
    name: "BAT is foutwaarde #N/A",
    input: () => xlsx(stock(dwellings([2, { error: "#N/A" }, 1]))),
    // A missing value: the dwelling counts as BAT onbekend, with a warning on the cell.
    expect: {
      exit: 0, balance: B({ gelezen: 3, ingedeeld: 3, terzijde: 0, eenheden: 3 }),
      issues: [{ code: "bat-foutwaarde", severity: "waarschuwing", sheet: "Voorraad", cell: "C3", text: /#N\/A.*BAT onbekend/ }],
    },
  },
  {
    name: "BAT is foutwaarde #REF! als tekst",
    input: () => xlsx(stock(dwellings(["#REF!", 1]))),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0 }), issues: [{ code: "bat-foutwaarde", cell: "C2", text: /#REF!/ }] },
  },
  {
    name: "Formule met fout als uitkomst in BAT (#DEEL/0!)",
    input: () => xlsx(stock(dwellings([{ formula: "1/0", result: { error: "#DIV/0!" } } as never, 3]))),
    // Both routes read the formula's cached error (the command line's reader since issue 12;
    // ExcelJS's streaming reader used to drop it).
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0 }), issues: [{ code: "bat-foutwaarde", cell: "C2", text: /'#DIV\/0!'/ }] },
  },
  {
    name: "Beide schalen in één kolom (0-4 en BAT1-BAT5)",
    input: () => xlsx(stock(dwellings([2, 3, "BAT5", 0, 1, "BAT4"]))),
    expect: {
      exit: 0, balance: B({ gelezen: 6, ingedeeld: 4, terzijde: 2 }),
      issues: [
        { code: "schalen-gemengd", severity: "fout", cell: "C4", text: /'BAT5'.*Limburgse schaal 0-4 \(4 van de 6/ },
        { code: "schalen-gemengd", severity: "fout", cell: "C7" },
      ],
    },
  },
  {
    name: "VERA-schaal gekozen, maar 0 in de kolom",
    input: () => xlsx(stock(dwellings([1, 0, 5, "BAT2"]))),
    options: { schaal: "vera" },
    expect: { exit: 0, balance: B({ gelezen: 4, ingedeeld: 3, terzijde: 1 }), issues: [{ code: "bat-buiten-bereik", cell: "C3", text: /'0' bestaat niet.*BAT1 t\/m BAT5/ }] },
  },
  {
    name: "Limburgse schaal, maar 5 in de kolom",
    input: () => xlsx(stock(dwellings([1, 5, 4]))),
    expect: { exit: 0, balance: B({ gelezen: 3, ingedeeld: 2, terzijde: 1 }), issues: [{ code: "bat-buiten-bereik", cell: "C3", text: /VERA-schaal/ }] },
  },
  {
    name: "BAT0 naast VERA-codes",
    input: () => xlsx(stock(dwellings(["BAT1", "BAT2", "BAT0", "BAT3"]))),
    expect: {
      exit: 0, balance: B({ gelezen: 4, ingedeeld: 3, terzijde: 1 }),
      issues: [{ code: "schalen-gemengd", severity: "fout", cell: "C4" }, { code: "bat-schrijfwijze", severity: "waarschuwing", cell: "C4" }],
    },
  },
  {
    name: "Spaties en harde spaties rond getallen",
    input: () => xlsx(stock([["V1", "C1", " 2 ", " 1 "], ["V2", "C1", "\u00a03\u00a0", "2"]])),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0, eenheden: 3 }), absent: ["bat-onleesbaar", "aantal-ongeldig"] },
  },
  // ---- ids and counts ----------------------------------------------------------------------
  {
    name: "Dubbele VHE-nummers",
    input: () => xlsx(stock([["V1", "C1", 2, 1], ["V2", "C1", 2, 1], ["V1", "C1", 3, 1]])),
    expect: {
      exit: 0, balance: B({ gelezen: 3, ingedeeld: 2, terzijde: 1 }),
      issues: [{ code: "id-dubbel", severity: "fout", sheet: "Voorraad", cell: "A4", text: /'V1' staat ook in cel A2/ }],
    },
  },
  {
    name: "Negatief aantal",
    input: () => xlsx(stock([["V1", "C1", 2, 1], ["V2", "C1", 2, -2]])),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1, eenheden: 1 }), issues: [{ code: "aantal-ongeldig", severity: "fout", cell: "D3", text: /'-2'/ }] },
  },
  {
    name: "Aantal met decimalen (2,5)",
    input: () => xlsx(stock([["V1", "C1", 2, 2.5], ["V2", "C1", 2, 1]])),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1, eenheden: 1 }), issues: [{ code: "aantal-ongeldig", cell: "D2", text: /'2,5'/ }] },
  },
  {
    name: "Aantal als tekst ('veel')",
    input: () => xlsx(stock([["V1", "C1", 2, "veel"], ["V2", "C1", 2, 3]])),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1, eenheden: 3 }), issues: [{ code: "aantal-ongeldig", cell: "D2", text: /'veel'/ }] },
  },
  {
    name: "Aantal 0",
    input: () => xlsx(stock([["V1", "C1", 2, 0], ["V2", "C1", 2, 1]])),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1 }), issues: [{ code: "aantal-ongeldig", cell: "D2", text: /geen enkele woning/ }] },
  },
  {
    name: "Aantal is een datum",
    input: () => xlsx(stock([["V1", "C1", 2, DATE], ["V2", "C1", 2, 1]])),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1 }), issues: [{ code: "aantal-ongeldig", cell: "D2", text: /2024-03-01/ }] },
  },
  {
    name: "Aantal is foutwaarde #REF!",
    input: () => xlsx(stock([["V1", "C1", 2, { error: "#REF!" }], ["V2", "C1", 2, 1]])),
    // An empty aantal means 1, but an error cell is a broken formula: the count is unknown.
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1, eenheden: 1 }), issues: [{ code: "aantal-ongeldig", severity: "fout", cell: "D2", text: /#REF!/ }] },
  },
  {
    name: "Aantallen als Nederlandse tekst ('1.729')",
    input: () => xlsx({ name: "Voorraad", rows: [["Buurt", "BAT", "Aantal"], ["Noord", 2, "1.729"], ["Zuid", 3, "12"]] }),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0, eenheden: 1741 }) },
  },
  // ---- layout ------------------------------------------------------------------------------
  {
    name: "Alleen een kopregel",
    input: () => xlsx(stock([])),
    ...unreadable(/Blad 'Voorraad' heeft een kopregel \(rij 1\) maar geen gegevens/),
  },
  {
    name: "Alleen een kopregel, met een vraagtabel",
    input: () => xlsx(stock([]), demand([[100, 120], [50, 60], [20, 25], [10, 12]], [180, 217])),
    // The empty stock is not taken as a stock of zero dwellings: no tekort against nothing.
    expect: {
      exit: 0, balance: B({ gelezen: 0, ingedeeld: 0, terzijde: 0 }),
      issues: [{ code: "voorraad-leeg", severity: "waarschuwing", sheet: "Voorraad", text: /kopregel \(rij 1\) maar geen gegevens/ }, { code: "geen-aanbod" }],
    },
  },
  {
    name: "Leeg blad als enige blad",
    input: () => xlsx({ name: "Blad1", rows: [] }),
    ...unreadable(/Geen voorraad-, aanbod- of vraagtabel gevonden.*'Blad1'/),
  },
  {
    name: "Leeg blad naast een voorraad",
    input: () => xlsx({ name: "Leeg", rows: [] }, stock(dwellings([1, 2]))),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2 }), issues: [{ code: "blad-niet-gebruikt", severity: "info", sheet: "Leeg" }] },
  },
  {
    name: "Titelregels en lege regels",
    input: () => xlsx({
      name: "Voorraad",
      rows: [["Woningvoorraad 2024"], ["Peildatum 1-1-2024"], [], STOCK_HEADER, ["V1", "C1", 2, 1], [], ["V2", "C1", 9, 1], [], [], ["V3", "C1", 1, 1]],
    }),
    expect: { exit: 0, balance: B({ gelezen: 3, ingedeeld: 2, terzijde: 1 }), issues: [{ code: "bat-buiten-bereik", cell: "C7" }] },
  },
  {
    name: "Subtotaal halverwege en fout eindtotaal",
    input: () => xlsx({
      name: "Voorraad",
      rows: [["Buurt", "BAT", "Aantal"], ["Noord", 1, 10], ["Noord", 2, 5], ["Subtotaal", null, 15], ["Zuid", 1, 7], ["Totaal", null, 30]],
    }),
    expect: {
      exit: 0, balance: B({ gelezen: 3, ingedeeld: 3, terzijde: 0, eenheden: 22 }),
      issues: [{ code: "totaal-klopt-niet", severity: "waarschuwing", cell: "C6", text: /\(30\).*\(7\)/ }],
    },
  },
  {
    name: "Totaalregel boven de gegevens (klopt)",
    input: () => xlsx({ name: "Voorraad", rows: [["Buurt", "BAT", "Aantal"], ["Totaal", null, 22], ["Noord", 1, 10], ["Noord", 2, 5], ["Zuid", 1, 7]] }),
    expect: { exit: 0, balance: B({ gelezen: 3, ingedeeld: 3, eenheden: 22 }), absent: ["totaal-klopt-niet"] },
  },
  {
    name: "Totaalregel boven de gegevens (klopt niet)",
    input: () => xlsx({ name: "Voorraad", rows: [["Buurt", "BAT", "Aantal"], ["Totaal", null, 25], ["Noord", 1, 10], ["Noord", 2, 5], ["Zuid", 1, 7]] }),
    expect: { exit: 0, balance: B({ gelezen: 3, eenheden: 22 }), issues: [{ code: "totaal-klopt-niet", cell: "C2", text: /\(25\).*\(22\)/ }] },
  },
  {
    name: "Woning met het woord Totaal in een kolom",
    input: () => xlsx({ name: "Voorraad", rows: [["VHE-nummer", "Complex", "BAT-score"], ["V1", "Totaal renovatie 2019", 2], ["V2", "C2", 1]] }),
    // A row with its own VHE-nummer is a dwelling, not a total row: nothing is lost.
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0 }) },
  },
  {
    name: "Samengevoegde cellen (complex over drie rijen)",
    input: () => xlsx(stock([["V1", "C7", 2, 1], ["V2", null, 3, 1], ["V3", null, 1, 1]], { merges: ["B2:B4"] })),
    expect: { exit: 0, balance: B({ gelezen: 3, ingedeeld: 3, terzijde: 0, eenheden: 3 }) },
    // The in-memory reader repeats the merged value; the streaming reader of the command line
    // sees it in the top-left cell only (src/workbook/xlsx-stream.ts). Rows are kept on both.
    port: { check: (o) => expect(o.result!.dwellings.rows.toArray().map((r) => r.complex)).toEqual(["C7", "C7", "C7"]) },
  },
  {
    name: "Verborgen rijen tellen mee",
    input: () => xlsx(stock(dwellings([1, 2, 3, 4]), { hidden: [3, 4] })),
    expect: { exit: 0, balance: B({ gelezen: 4, ingedeeld: 4, terzijde: 0, eenheden: 4 }) },
  },
  {
    name: "Herhaalde kopregel en voetnoot",
    input: () => xlsx({ name: "Voorraad", rows: [STOCK_HEADER, ["V1", "C1", 2, 1], STOCK_HEADER, ["V2", "C1", 3, 1], ["Bron: ERP-export 2024"]] }),
    expect: {
      exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0 }),
      issues: [{ code: "rij-overgeslagen", severity: "info", cell: "A3", text: /herhaalde kopregel/ }, { code: "rij-overgeslagen", cell: "A5", text: /voetnoot/ }],
    },
  },
  {
    name: "Alleen onbekende kolommen",
    input: () => xlsx({ name: "Blad1", rows: [["Foo", "Bar"], [1, 2], [3, 4]] }),
    ...unreadable(/Geen voorraad-, aanbod- of vraagtabel gevonden/),
  },
  {
    name: "Alleen onbekende kolommen, toch gekozen als voorraad",
    input: () => xlsx({ name: "Blad1", rows: [["Foo", "Bar"], [1, 2], [3, 4]] }),
    options: { voorraad: "Blad1" },
    ...unreadable(/Op blad 'Blad1' is in de eerste 30 rijen geen kopregel/),
  },
  {
    name: "Gekozen voorraadblad bestaat niet",
    input: () => xlsx(stock(dwellings([1]))),
    options: { voorraad: "Woningen" },
    ...unreadable(/Blad 'Woningen' bestaat niet in de werkmap\. Kies een van deze bladen: 'Voorraad'/),
  },
  {
    name: "Onbekende kolomkop bij --kolom",
    input: () => xlsx(stock(dwellings([1, 2]))),
    options: { kolom: { bat: "Toegankelijkheid" } },
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2 }), issues: [{ sheet: "Voorraad", code: "kolom-niet-gevonden", text: /Toegankelijkheid/ }] },
  },
  // ---- cell kinds --------------------------------------------------------------------------
  {
    name: "Zeer lange tekst (40.000 tekens) in de BAT-kolom",
    input: () => xlsx(stock(dwellings([1, LONG]))),
    expect: {
      exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1 }),
      issues: [{ code: "bat-onleesbaar", cell: "C3", text: /'x{20,59}…'/ }],
      check: (o) => o.issues.forEach((i) => expect(i.message.length).toBeLessThan(600)),
    },
  },
  {
    name: "Zeer lange tekst als VHE-nummer, dubbel",
    input: () => xlsx(stock([[LONG, "C1", 1, 1], [LONG, "C1", 2, 1]])),
    expect: {
      exit: 0, balance: B({ gelezen: 2, ingedeeld: 1, terzijde: 1 }),
      issues: [{ code: "id-dubbel", cell: "A3" }],
      check: (o) => o.issues.forEach((i) => expect(i.message.length).toBeLessThan(600)),
    },
  },
  {
    name: "Zeer lange titel en kolomkop",
    input: () => xlsx({ name: "Voorraad", rows: [[LONG], [...STOCK_HEADER, LONG], ["V1", "C1", 2, 1, LONG], ["V2", "C1", 1, 1]] }),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0 }), check: (o) => o.issues.forEach((i) => expect(i.message.length).toBeLessThan(600)) },
  },
  {
    name: "Formules met opgeslagen uitkomst",
    input: () => xlsx(stock([["V1", "C1", { formula: "1+1", result: 2 } as never, { formula: "1+1", result: 2 } as never], ["V2", "C1", { formula: "2+1", result: 3 } as never, 1]])),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0, eenheden: 3 }), absent: ["bat-onleesbaar", "bat-foutwaarde"] },
    port: { check: (o) => expect(o.result!.dwellings.rows.toArray().map((r) => r.bat)).toEqual([2, 3]) },
  },
  {
    name: "Opgemaakte tekst (rich text) in de BAT-kolom",
    input: () => xlsx(stock([["V1", "C1", { richText: [{ text: "BAT " }, { font: { bold: true }, text: "3" }] }, 1], ["V2", "C1", 1, 1]])),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0 }), absent: ["bat-onleesbaar"] },
    port: { check: (o) => expect(o.result!.dwellings.rows.toArray().map((r) => r.bat)).toEqual([3, 1]) },
  },
  {
    name: "Formule als tekst in VHE-nummer",
    input: () => xlsx(stock([["=HYPERLINK(\"http://x\")", "C1", 2, 1], ["+31", "C1", 1, 1]])),
    expect: { exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0 }) },
    port: { check: (o) => expect(o.result!.dwellings.rows.toArray().map((r) => r.id)).toEqual(["=HYPERLINK(\"http://x\")", "+31"]) },
  },
  {
    name: "Onleesbare feiten (bouwjaar als tekst, lift 'misschien')",
    input: () => xlsx({ name: "Voorraad", rows: [["VHE-nummer", "BAT-score", "Bouwjaar", "Lift"], ["V1", 2, "oud", "misschien"], ["V2", 1, DATE, "ja"]] }),
    // Optional facts: the row counts without them, with a warning on the cell.
    expect: {
      exit: 0, balance: B({ gelezen: 2, ingedeeld: 2, terzijde: 0 }),
      issues: [{ code: "bouwjaar-onleesbaar", severity: "waarschuwing", cell: "C2" }, { code: "lift-onleesbaar", cell: "D2", text: /'misschien'/ }],
    },
  },
  // ---- demand and supply -------------------------------------------------------------------
  {
    name: "Vraag: groepen tellen niet op tot hun totaal",
    input: () => xlsx(stock(dwellings([0, 1, 2, 3])), demand([[100, 120], [50, 60], [20, 25], [10, 12]], [180, 250])),
    expect: {
      exit: 0, balance: B({ gelezen: 4, ingedeeld: 4 }),
      issues: [{ code: "totaal-klopt-niet", severity: "waarschuwing", sheet: "Vraag", cell: "C7", text: /\(250\).*ouderen, basis, 2030.*\(217\)/ }],
      absent: ["geen-vraag"],
    },
  },
  {
    name: "Vraag: negatief getal, tekst en datum",
    input: () => xlsx(stock(dwellings([1, 2])), demand([[100, 120], [-5, 60], [20, "veel"], [DATE, 12]], [null, null])),
    expect: {
      exit: 0,
      issues: [
        { code: "getal-ongeldig", severity: "fout", sheet: "Vraag", cell: "B4", text: /'-5'/ },
        { code: "getal-ongeldig", severity: "fout", sheet: "Vraag", cell: "C5", text: /'veel'/ },
        { code: "getal-ongeldig", severity: "fout", sheet: "Vraag", cell: "B6", text: /2024-03-01/ },
      ],
    },
  },
  {
    name: "Vraag: onbekende woonvorm",
    input: async () => {
      const d = demand([[100, 120], [50, 60], [20, 25], [10, 12]], [null, null]);
      d.rows.splice(6, 0, ["Hofjeswoning", 5, 6]);
      return xlsx(stock(dwellings([1])), d);
    },
    expect: { exit: 0, issues: [{ code: "categorie-onbekend", severity: "waarschuwing", sheet: "Vraag", cell: "A7", text: /'Hofjeswoning'/ }] },
  },
  {
    name: "Vraag in lange vorm zonder jaar",
    input: () => xlsx(stock(dwellings([1])), { name: "Vraag", rows: [["Woonvorm", "Vraag"], ["Nultredenwoning", 50], ["Geclusterd wonen", 20]] }),
    options: { vraag: "Vraag" },
    expect: { exit: 0, issues: [{ code: "jaar-ontbreekt", severity: "fout", sheet: "Vraag", text: /kolom 'Jaar'/ }] },
  },
  {
    name: "Aanbodtabel met tekst waar een getal hoort",
    input: () => xlsx({ name: "Aanbod", rows: [["Woonvorm", 2023], ["Ouderen"], ["Nultredenwoning", 300], ["Geclusterd wonen", "ca. 40"], ["Zorggeschikte woning", 12]] }),
    expect: { exit: 0, issues: [{ code: "getal-ongeldig", severity: "fout", sheet: "Aanbod", cell: "B4", text: /'ca\. 40'/ }] },
  },
  // ---- files that are not (readable) workbooks ---------------------------------------------
  {
    name: "Geen werkmap (willekeurige bytes)",
    input: () => Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256),
    ...unreadable(/geen Excel-werkmap \(\.xlsx\)/),
  },
  {
    name: "Leeg bestand (0 bytes)",
    input: () => new Uint8Array(0),
    ...unreadable(/is leeg \(0 bytes\)/),
  },
  {
    name: "CSV hernoemd naar .xlsx",
    input: () => csvBytes(),
    ...unreadable(/is een tekstbestand \(bijvoorbeeld CSV\)/),
  },
  {
    name: "Afgebroken .xlsx (helft van het bestand)",
    input: async () => {
      const b = await validStockBytes();
      return b.subarray(0, Math.floor(b.length / 2));
    },
    ...unreadable(/beschadigd of onvolledig/, /geen leesbare Excel-werkmap/),
  },
  {
    name: "Met wachtwoord beveiligde werkmap",
    input: () => encryptedBytes(),
    ...unreadable(/met een wachtwoord beveiligd \(versleuteld\).*haal het wachtwoord weg/, /wachtwoord/),
  },
  {
    name: "Oud .xls-bestand",
    input: () => oldXlsBytes(),
    ...unreadable(/oud Excel-bestand \(\.xls\)/, /\.xls/),
  },
  {
    name: "Zip-archief dat geen werkmap is",
    input: () => plainZipBytes(),
    ...unreadable(/beschadigd of onvolledig/, /geen werkbladen.*geen Excel-werkmap/),
  },
  {
    name: "Werkblad-XML kapot in een verder goede werkmap",
    input: async () => {
      const zip = await JSZip.loadAsync(await validStockBytes());
      zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>");
      return zip.generateAsync({ type: "uint8array" });
    },
    // Both routes reject the unclosed XML (the command line's reader since issue 12; ExcelJS's
    // streaming reader used to read the cells it got and find no table). Exit 1 and one line.
    expect: { exit: 1 },
    cli: { stderr: /beschadigd of onvolledig/ },
    port: { stderr: /geen leesbare Excel-werkmap/ },
  },
  {
    name: "Beschadigd onderdeel dat alleen voor het resultaatbestand gelezen wordt",
    // The stock sheet's relationships part is damaged: the analysis never reads it; writing the
    // result file does. On the command line that is the same pass; in the browser page the
    // download's copy-only pass, after a successful analysis.
    input: async () => withDamagedSheetRels(await validStockBytes()),
    expect: { exit: 1, stderr: /beschadigd of onvolledig/ },
    // JSZip (ExcelJS) inflates every part when it loads the file.
    port: { stderr: /geen leesbare Excel-werkmap/ },
    // The page analysed the file; its download is refused with the command line's message.
    worker: { check: (o) => expect(o.result?.stock?.rowsRead).toBe(7) },
  },
  {
    name: "Rijnummer voorbij de laatste rij van Excel",
    input: async () => {
      const zip = await JSZip.loadAsync(await validStockBytes());
      const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file("xl/worksheets/sheet1.xml", xml.replace('<row r="3"', '<row r="999999999"'));
      return zip.generateAsync({ type: "uint8array" });
    },
    // Excel has 1,048,576 rows: the sheet is damaged. The streaming reader stops at once (it
    // would otherwise fill the gap row by row). The in-memory route is not run here: ExcelJS
    // itself takes minutes to load such a file (known gap, see the README); after loading,
    // analyseWorkbook refuses the sheet with "Blad '…' is beschadigd". The browser page's worker
    // reads with the command line's reader.
    routes: ["cli", "worker"],
    expect: { exit: 1, stderr: /beschadigd of onvolledig/ },
  },
  {
    name: "Zip-onderdeel dat meer gegevens belooft dan er zijn",
    input: async () => {
      // The local header of the first sheet claims a compressed size far beyond the file.
      const b = (await validStockBytes()).slice();
      const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
      const view = new DataView(b.buffer);
      for (let i = 0; i + 30 < b.length; i++) {
        if (view.getUint32(i, true) !== 0x04034b50) continue;
        const len = view.getUint16(i + 26, true);
        if (len === name.length && name.every((c, k) => b[i + 30 + k] === c)) view.setUint32(i + 18, 0x00ffffff, true);
      }
      return b;
    },
    // The in-memory reader (JSZip) goes by the central directory and reads the file; the command
    // line's reader (zip.js) refuses a local header that disagrees with the central directory
    // ("ambiguous archive": two readers could see different contents).
    expect: { exit: 1, stderr: /beschadigd of onvolledig/ },
    port: { exit: 0, stderr: undefined, balance: B({ gelezen: 7, ingedeeld: 7, terzijde: 0 }) },
  },
  {
    name: "Bestand bestaat niet",
    input: () => null,
    routes: ["cli"],
    expect: { exit: 1, stderr: /bestaat niet/ },
  },
];
