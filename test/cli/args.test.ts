import { parseCommand, UsageError } from "../../src/cli/args";

describe("parseCommand", () => {
  test("analyse with every option of the contract", () => {
    const cmd = parseCommand([
      "analyse", "voorraad.xlsx", "--uit", "uit.xlsx", "--json", "-", "--voorraad", "VHE lijst", "--vraag", "Tabel 1",
      "--regels", "regels.json", "--kolom", "bat=BAT score", "--kolom", 'complex="Complex nr"', "--afronden", "5",
    ]);
    expect(cmd).toEqual({
      command: "analyse", werkmap: "voorraad.xlsx", uit: "uit.xlsx", json: "-", voorraad: "VHE lijst", vraag: "Tabel 1",
      regels: "regels.json", kolommen: { bat: "BAT score", complex: "Complex nr" }, afronden: 5, schaal: undefined, watAls: {},
    });
  });

  test("what-if options: a general percentage, per segment, meeting rooms, Wlz complexes, without plans", () => {
    const cmd = parseCommand([
      "analyse", "v.xlsx", "--aanpassen", "30", "--aanpassen", "koop=12,5", "--aanpassen", "huur=40%", "--ontmoetingsruimten", "5",
      "--wlz-complexen", "2", "--zonder-plannen",
    ]);
    expect(cmd).toMatchObject({
      watAls: { aanpassenPercentage: 30, aanpassenPerSegment: { koop: 12.5, huur: 40 }, ontmoetingsruimten: 5, wlzComplexen: 2, plannen: false },
    });
  });

  test("help, version and the rules command", () => {
    expect(parseCommand([])).toEqual({ command: "help" });
    expect(parseCommand(["--help"])).toEqual({ command: "help" });
    expect(parseCommand(["--versie"])).toEqual({ command: "versie" });
    expect(parseCommand(["regels"])).toEqual({ command: "regels" });
  });

  test.each([
    [["analyse"], /Geef de werkmap op/],
    [["analyseer", "x.xlsx"], /Onbekende opdracht 'analyseer'/],
    [["analyse", "x.xlsx", "--kolom", "bat"], /veld=kop/],
    [["analyse", "x.xlsx", "--kolom", "batscore=BAT"], /Onbekend veld 'batscore'/],
    [["analyse", "x.xlsx", "--afronden", "vijf"], /positief geheel getal/],
    [["analyse", "x.xlsx", "--schaal", "nl"], /limburg.*vera/],
    [["analyse", "x.xlsx", "--onbekend"], /Onbekende optie --onbekend/],
    [["analyse", "a.xlsx", "b.xlsx"], /Eén werkmap tegelijk/],
    [["analyse", "x.xlsx", "--aanpassen", "120"], /percentage van 0 tot en met 100/],
    [["analyse", "x.xlsx", "--aanpassen", "=30"], /segment=percentage/],
    [["analyse", "x.xlsx", "--ontmoetingsruimten", "drie"], /--ontmoetingsruimten verwacht een geheel getal/],
    [["analyse", "x.xlsx", "--wlz-complexen", "2,5"], /--wlz-complexen verwacht een geheel getal/],
  ])("wrong usage %j gives a Dutch UsageError", (argv, message) => {
    expect(() => parseCommand(argv as string[])).toThrow(UsageError);
    expect(() => parseCommand(argv as string[])).toThrow(message);
  });
});
