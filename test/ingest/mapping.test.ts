import { mapColumns } from "../../src/ingest/mapping";

const ctx = { sheet: "Voorraad", headerRowNumber: 3, originCol: 1 };

describe("mapColumns", () => {
  it("maps a corporation export with Dutch headers and lists unused columns once", () => {
    const header = ["VHE-nummer", "Complex", "Toegankelijkheid (BAT)", "Huurprijs", "Aantal woningen in complex", "Lift aanwezig"];
    const { mapping, headers, issues } = mapColumns(header, {}, ctx);
    expect(mapping).toEqual({ id: 0, complex: 1, bat: 2, complexgrootte: 4, lift: 5 });
    expect(headers.bat).toBe("Toegankelijkheid (BAT)");
    const info = issues.filter((i) => i.code === "kolommen-genegeerd");
    expect(info).toHaveLength(1);
    expect(info[0].message).toContain("'Huurprijs' (D3)");
    expect(issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("warns when two columns claim one field, naming both cells; the first wins", () => {
    const { mapping, issues } = mapColumns(["VHE", "BAT", "Gemeente", "BAT-score"], {}, ctx);
    expect(mapping.bat).toBe(1);
    const w = issues.find((i) => i.code === "kolom-dubbelzinnig")!;
    expect(w.severity).toBe("waarschuwing");
    expect(w.cell).toBe("D3");
    expect(w.message).toContain("passen de kolommen 'BAT' (B3), 'BAT-score' (D3) allebei bij veld 'bat'; 'BAT' (B3) is gebruikt");
  });

  it("prefers an exact header over a qualified one, but still says so", () => {
    const { mapping, issues } = mapColumns(["VHE", "BAT-score (oud)", "BAT"], {}, ctx);
    expect(mapping.bat).toBe(2);
    const w = issues.find((i) => i.code === "kolom-dubbelzinnig")!;
    expect(w.cell).toBe("B3");
    expect(w.message).toContain("'BAT' (C3) is gebruikt");
  });

  it("lets a strong synonym beat a weak one without a warning", () => {
    const { mapping, issues } = mapColumns(["Huurklasse", "VHE", "Segment"], {}, ctx);
    expect(mapping.segment).toBe(2);
    expect(issues.some((i) => i.code === "kolom-dubbelzinnig")).toBe(false);
    const weakOnly = mapColumns(["VHE", "Huurklasse"], {}, ctx);
    expect(weakOnly.mapping.segment).toBe(1);
  });

  it("applies overrides case-, space- and hyphen-insensitively", () => {
    const { mapping, issues } = mapColumns(["Eenheid", "Score toegankelijkheid", "BAT"], { bat: "score-TOEGANKELIJKHEID" }, ctx);
    expect(mapping.bat).toBe(1);
    expect(mapping.id).toBe(0);
    // The auto-detected "BAT" column lost to the override and is listed as unused.
    expect(issues.find((i) => i.code === "kolommen-genegeerd")!.message).toContain("'BAT' (C3)");
  });

  it("reports an override whose column does not exist, in Dutch, with the available columns", () => {
    const { mapping, issues } = mapColumns(["VHE", "Toegankelijkheid"], { bat: "BAT score" }, { ...ctx, originCol: 2 });
    const f = issues.find((i) => i.code === "kolom-niet-gevonden")!;
    expect(f.severity).toBe("fout");
    expect(f.message).toContain("Kolom 'BAT score' voor veld 'bat' niet gevonden op blad 'Voorraad' (rij 3). Beschikbare kolommen: 'VHE' (B3), 'Toegankelijkheid' (C3)");
    expect(f.message).toContain("Automatisch herkend en nu gebruikt: 'Toegankelijkheid' (C3)");
    expect(mapping.bat).toBe(1);
  });

  it("reports an override for a field that does not exist", () => {
    const { issues } = mapColumns(["VHE"], { batt: "VHE" } as never, ctx);
    expect(issues[0]).toMatchObject({ code: "veld-onbekend", severity: "fout" });
  });
});
