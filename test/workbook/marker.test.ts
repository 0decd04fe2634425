/**
 * The meta sheet's format and the rules that decide which sheets are ours (marker.ts): the file
 * routes' three-column rows stay as they were; ids are used only while they are valid.
 */
import { META_SHEET, META_TITLE, metaRows, parseMeta, resolveOwnSheets } from "../../src/workbook/marker";

const ID = { tekort: "{AAAA0001-0000-0000-0000-000000000001}", controle: "{AAAA0002-0000-0000-0000-000000000002}", meta: "{AAAA0003-0000-0000-0000-000000000003}" };

describe("meta rows", () => {
  test("without ids (the file routes) every row has three columns, as before", () => {
    const rows = metaRows({ tekort: "Tekort", controle: "Controle" }, { voorraad: "Blad1" });
    expect(rows).toEqual([[META_TITLE, "", ""], ["blad", "tekort", "Tekort"], ["blad", "controle", "Controle"], ["instellingen", "1", '{"voorraad":"Blad1"}']]);
    expect(parseMeta(rows.slice(1))).toEqual({
      sheets: { tekort: "Tekort", controle: "Controle" },
      entries: [
        { kind: "tekort", name: "Tekort", id: null, kept: false },
        { kind: "controle", name: "Controle", id: null, kept: false },
      ],
      metaId: null,
      settings: { voorraad: "Blad1" },
    });
  });

  test("with ids every row has four columns; kept sheets and the meta sheet's own id round-trip", () => {
    const kept = [{ kind: "tekort" as const, name: "Tekort oud", id: ID.tekort, kept: true }];
    const rows = metaRows({ controle: "Controle" }, {}, { sheets: { controle: ID.controle }, kept, metaId: ID.meta });
    expect(rows.every((r) => r.length === 4)).toBe(true);
    const meta = parseMeta(rows.slice(1));
    expect(meta.sheets).toEqual({ controle: "Controle" });
    expect(meta.entries).toEqual([{ kind: "controle", name: "Controle", id: ID.controle, kept: false }, ...kept]);
    expect(meta.metaId).toBe(ID.meta);
  });
});

describe("resolveOwnSheets", () => {
  const meta = parseMeta(metaRows({ tekort: "Tekort", controle: "Controle" }, {}, { sheets: { tekort: ID.tekort, controle: ID.controle }, kept: [], metaId: ID.meta }).slice(1));
  const metaSheet = { name: META_SHEET, id: ID.meta };

  test("valid ids: our sheets by id; a renamed one is kept; a user's sheet with our name is not ours", () => {
    const own = resolveOwnSheets(meta, [{ name: "Tekort oud", id: ID.tekort }, { name: "Tekort", id: "{USER}" }, { name: "Controle", id: ID.controle }, metaSheet], ID.meta);
    expect(own.by).toBe("id");
    expect(own.current).toEqual({ controle: "Controle" });
    expect(own.kept).toEqual([{ kind: "tekort", name: "Tekort oud", id: ID.tekort, kept: true }]);
    expect(own.messages).toHaveLength(1);
  });

  test("valid ids: a sheet with our name but another id (ours was deleted) is the user's", () => {
    const own = resolveOwnSheets(meta, [{ name: "Tekort", id: "{USER}" }, { name: "Controle", id: ID.controle }, metaSheet], ID.meta);
    expect(own.current).toEqual({ controle: "Controle" });
    expect(own.kept).toEqual([]);
  });

  test("ids changed since (the meta sheet's id differs): by name, case-insensitively", () => {
    const own = resolveOwnSheets(meta, [{ name: "tekort", id: "{P1}" }, { name: "Controle oud", id: ID.controle }, { name: META_SHEET, id: "{P9}" }], "{P9}");
    expect(own.by).toBe("naam");
    expect(own.current).toEqual({ tekort: "tekort" });
    expect(own.kept).toEqual([]);
  });

  test("a meta content without entries (built from `sheets` alone) works by name", () => {
    expect(resolveOwnSheets({ sheets: { tekort: "Tekort" }, settings: null }, [{ name: "Tekort", id: "{X}" }], null).current).toEqual({ tekort: "Tekort" });
  });
});
