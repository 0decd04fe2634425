/**
 * The Office.js write as a pure plan (src/workbook/write-plan.ts; its undo and clean-up,
 * src/workbook/undo-plan.ts), without the host: real sheet models of an analysis (a stock of 40
 * dwellings in Kerkrade and Parkstad's demand table, test/support/fail-operations.ts), a
 * workbook state as office-write.ts would load it, and the operations the plan gives, in order.
 */
import { UserError } from "../../src/domain/issues";
import { META_SHEET, metaRows, parseMeta, type SheetRef } from "../../src/workbook/marker";
import type { SheetModel } from "../../src/report/sheet-model";
import { garbageOps, pendingUndo, restoreOps, rollbackFailedMessage, type Undo, undoOps, garbageLeftMessage } from "../../src/workbook/undo-plan";
import type { Step, WriteOp } from "../../src/workbook/write-ops";
import {
  planStaging,
  planSwap,
  planTargets,
  type StagingPlan,
  type SwapTargets,
  type TargetState,
  withTableAreas,
  type WorkbookState,
} from "../../src/workbook/write-plan";
import { loadDemand, models, stockHost } from "../support/fail-operations";

let sheets: SheetModel[];

beforeAll(async () => {
  await loadDemand();
  sheets = await models(stockHost(40));
});

const INPUT: SheetRef[] = [
  { name: "Voorraad", id: "{v}" },
  { name: "Vraag", id: "{q}" },
];

/** A workbook before any run: the two input sheets, no meta sheet, no tables. */
function freshState(): WorkbookState {
  return { sheets: [...INPUT], meta: parseMeta([]), tables: [], definedNames: [] };
}

/** A workbook after an earlier run that wrote `sheets` under their names, recorded by id. */
function rerunState(): WorkbookState {
  const own = sheets.map((m, i) => ({ name: m.name, id: `{r${i}}` }));
  const names = Object.fromEntries(sheets.map((m) => [m.kind, m.name]));
  const ids = { sheets: Object.fromEntries(sheets.map((m, i) => [m.kind, `{r${i}}`])), kept: [], metaId: "{meta}" };
  return {
    sheets: [...INPUT, ...own, { name: META_SHEET, id: "{meta}" }],
    meta: parseMeta(metaRows(names, { voorraad: "Voorraad" }, ids).slice(1)),
    tables: sheets.map((m) => ({ sheet: m.name, names: m.tables.map((t) => t.name) })),
    definedNames: [],
  };
}

/** The sheets just before the swap: those of `state` plus the staged ones (ids "{tN}"). */
function sheetsAtSwap(state: WorkbookState, staging: StagingPlan): SheetRef[] {
  return [...state.sheets, ...staging.temporary.map((name, i) => ({ name, id: `{t${i}}` }))];
}

/** Target states as office-write.ts would load them: the old tables, one old chart, used A1:F40. */
function targetStates(targets: SwapTargets): TargetState[] {
  return targets.inPlace.map((p) => ({
    tables: p.model.tables.map((t) => ({ name: t.name, style: "TableStyleMedium2" })),
    charts: ["Grafiek 1"],
    used: { row: 1, col: 1, rows: 40, cols: 6 },
    staged: { row: 1, col: 1, rows: 50, cols: 6 },
    widths: [{ col: 1, points: 60 }, { col: 2, points: null }],
  }));
}

const ops = (steps: readonly Step[], op: string) => steps.filter((s) => s.op === op);
const short = (o: WriteOp): string => {
  switch (o.op) {
    case "renameSheet":
      return `renameSheet ${o.sheet} → ${o.to}`;
    case "setVisibility":
      return `setVisibility ${o.sheet} ${o.visibility}`;
    case "deleteSheet":
      return `deleteSheet ${o.sheet}`;
    case "renameTable":
      return `renameTable ${o.table} → ${o.to}`;
    default:
      return o.op;
  }
};

describe("a first run", () => {
  test("every sheet staged under a temporary name with its tables and charts, then the meta sheet; the swap renames and hides", () => {
    const state = freshState();
    const staging = planStaging(sheets, state, true);
    expect(staging.sheets.map((p) => [p.finalName, p.tempName, p.bare])).toEqual(sheets.map((m, i) => [m.name, `_batbzk_tmp${i + 1}`, false]));
    expect(staging.metaTemp).toBe(`_batbzk_tmp${sheets.length + 1}`);
    expect(staging.outcome).toEqual({ sheets: Object.fromEntries(sheets.map((m) => [m.kind, m.name])), messages: [] });
    // The sheets are added in order, the meta sheet last.
    expect(ops(staging.steps, "addSheet").map((s) => (s as { sheet: string }).sheet)).toEqual(staging.temporary);
    expect(staging.steps.at(-1)).toEqual({ op: "addSheet", sheet: staging.metaTemp });
    // Tables under temporary names, on their staged sheet; the Tekort and Aanpassingspotentieel charts.
    const tables = ops(staging.steps, "addTable") as Extract<WriteOp, { op: "addTable" }>[];
    expect(tables.map((t) => t.name)).toEqual(staging.sheets.flatMap((p) => p.tables.map((t) => t.tempName)));
    expect(tables.every((t) => t.name.startsWith("_batbzk_tmp_t") && t.style === "TableStyleMedium2")).toBe(true);
    const charts = ops(staging.steps, "addChart") as Extract<WriteOp, { op: "addChart" }>[];
    const tekort = staging.sheets.find((p) => p.model.kind === "tekort")!;
    expect(charts.filter((c) => c.sheet === tekort.tempName).map((c) => c.title)).toEqual([
      expect.stringMatching(/^Tekort per categorie/),
      "Tekort per woontype en jaar: basis en wat-als (cumulatief)",
    ]);
    // Every body row of every table is written.
    const body = (ops(staging.steps, "cells") as Extract<Step, { op: "cells" }>[]).filter((c) => c.counts);
    expect(body.reduce((n, c) => n + c.count, 0)).toBe(sheets.flatMap((m) => m.tables).reduce((n, t) => n + t.rows.length, 0));

    const targets = planTargets(staging, sheetsAtSwap(state, staging));
    expect([targets.inPlace, targets.replaced]).toEqual([[], []]);
    const swap = planSwap(staging, targets, { inPlace: [], replacedTables: [] }, {});
    expect(swap.backupOps).toEqual([]);
    expect(swap.swap.map(short)).toEqual([
      ...staging.sheets.flatMap((p) => [...p.tables.map((t) => `renameTable ${t.tempName} → ${t.finalName}`), `renameSheet ${p.tempName} → ${p.finalName}`]),
      `setVisibility ${staging.metaTemp} VeryHidden`,
      `renameSheet ${staging.metaTemp} → ${META_SHEET}`,
    ]);
    expect(swap.garbage).toEqual({ sheets: [], charts: [] });
    // The meta rows record the staged sheets' ids (kept by the rename).
    expect(swap.meta.sheet).toBe(staging.metaTemp);
    const rows = [...Array(swap.meta.count).keys()].map((i) => swap.meta.values(i));
    expect(rows.find((r) => r[0] === "blad" && r[1] === "tekort")).toEqual(["blad", "tekort", "Tekort", `{t${staging.sheets.indexOf(tekort)}}`]);
    expect(rows.find((r) => r[0] === "metablad")?.[3]).toBe(`{t${sheets.length}}`);
  });

  test("a user's sheet with one of our names is left alone: ours gets ' (2)' and a message", () => {
    const state = freshState();
    state.sheets.push({ name: "tekort", id: "{user}" });
    state.tables.push({ sheet: "tekort", names: [sheets.find((m) => m.kind === "tekort")!.tables[0].name] });
    const staging = planStaging(sheets, state, true);
    const tekort = staging.sheets.find((p) => p.model.kind === "tekort")!;
    expect(tekort.finalName).toBe("Tekort (2)");
    expect(staging.outcome.messages).toEqual([expect.stringContaining("Het resultaat staat op blad 'Tekort (2)'")]);
    // Its table name is the user's: ours gets "_2".
    expect(tekort.tables[0].finalName).toBe(`${tekort.tables[0].model.name}_2`);
  });

  test("a sheet with one of our names added by the user during the write: refused in Dutch before the swap", () => {
    const state = freshState();
    const staging = planStaging(sheets, state, true);
    const now = [...sheetsAtSwap(state, staging), { name: "Controle", id: "{user}" }];
    expect(() => planTargets(staging, now)).toThrow(new UserError("Tijdens het schrijven is een blad 'Controle' aan de werkmap toegevoegd. Er is niets gewijzigd; probeer het opnieuw."));
  });
});

describe("a re-run with ExcelApi 1.9", () => {
  test("our earlier sheets are updated in place: backed up, their tables deleted, cells cleared and copied over, tables and charts made again; never renamed", () => {
    const state = rerunState();
    const staging = planStaging(sheets, state, true);
    // Staged bare: no tables or charts on the staged sheets (a copy would bring them along).
    expect(staging.sheets.every((p) => p.bare)).toBe(true);
    expect([ops(staging.steps, "addTable"), ops(staging.steps, "addChart")]).toEqual([[], []]);
    const targets = planTargets(staging, sheetsAtSwap(state, staging));
    expect(targets.inPlace).toEqual(staging.sheets);
    expect(targets.replaced).toEqual([]);
    const states = targetStates(targets);
    const swap = planSwap(staging, targets, { inPlace: states, replacedTables: [] }, { voorraad: "Voorraad" });

    // The backup of each sheet: a new sheet, the old used range copied there.
    expect(swap.backupOps).toEqual(
      staging.sheets.flatMap((p, i) => [
        { op: "addSheet", sheet: swap.backups[i].backup },
        { op: "copyFrom", sheet: swap.backups[i].backup, area: { row: 1, col: 1, rows: 40, cols: 6 }, from: p.finalName },
      ]),
    );
    expect(swap.backups.map((b) => [b.sheet, b.charts, b.tables.length])).toEqual(staging.sheets.map((p) => [p.finalName, ["Grafiek 1"], p.model.tables.length]));

    // The swap: per sheet, in place.
    const tekort = staging.sheets.find((p) => p.model.kind === "tekort")!;
    const onTekort = swap.swap.filter((o) => ("sheet" in o && o.sheet === "Tekort") || (o.op === "deleteTable" && tekort.tables.some((t) => t.finalName === o.table)));
    expect(onTekort.map((o) => o.op)).toEqual([
      ...tekort.tables.map(() => "deleteTable"),
      "clear",
      "copyFrom",
      "format",
      ...tekort.tables.map(() => "addTable"),
      "addChart",
      "addChart",
    ]);
    expect(onTekort.find((o) => o.op === "copyFrom")).toEqual({ op: "copyFrom", sheet: "Tekort", area: { row: 1, col: 1, rows: 50, cols: 6 }, from: tekort.tempName });
    expect((onTekort.filter((o) => o.op === "addTable") as Extract<WriteOp, { op: "addTable" }>[]).map((t) => t.name)).toEqual(tekort.tables.map((t) => t.finalName));
    // No result sheet is renamed or deleted in the swap: a user's reference to it keeps working.
    const renamed = swap.swap.filter((o) => o.op === "renameSheet") as Extract<WriteOp, { op: "renameSheet" }>[];
    expect(renamed.map((o) => [o.sheet, o.to])).toEqual([
      [META_SHEET, expect.stringMatching(/^_batbzk_tmp\d+$/)],
      [staging.metaTemp, META_SHEET],
    ]);
    const oldMeta = renamed[0].to;
    expect(swap.swap.some((o) => o.op === "deleteSheet")).toBe(false);
    // The meta rows keep the sheets' own ids.
    const rows = [...Array(swap.meta.count).keys()].map((i) => swap.meta.values(i));
    expect(rows.filter((r) => r[0] === "blad").map((r) => r[3])).toEqual(sheets.map((_, i) => `{r${i}}`));

    // After the swap: the staged sheets, the old meta sheet and the backups go, and the old charts.
    expect(swap.garbage.sheets).toEqual([...staging.sheets.map((p) => p.tempName), oldMeta, ...swap.backups.map((b) => b.backup)]);
    expect(swap.garbage.charts).toEqual(staging.sheets.map((p) => ({ sheet: p.finalName, names: ["Grafiek 1"] })));
  });

  test("the old meta sheet is made Hidden before it is deleted; other leftovers are deleted as they are; only the old charts go", () => {
    const state = rerunState();
    const staging = planStaging(sheets, state, true);
    const targets = planTargets(staging, sheetsAtSwap(state, staging));
    const swap = planSwap(staging, targets, { inPlace: targetStates(targets), replacedTables: [] }, {});
    const oldMeta = swap.swap.find((o) => o.op === "renameSheet" && o.sheet === META_SHEET) as Extract<WriteOp, { op: "renameSheet" }>;
    // The workbook after the swap, as office-rollback.ts loads it.
    const now = [
      ...INPUT.map((s) => ({ ...s, visibility: "Visible" as const })),
      ...sheets.map((m, i) => ({ name: m.name, id: `{r${i}}`, visibility: "Visible" as const })),
      ...staging.sheets.map((p, i) => ({ name: p.tempName, id: `{t${i}}`, visibility: "Visible" as const })),
      { name: oldMeta.to, id: "{meta}", visibility: "VeryHidden" as const },
      { name: META_SHEET, id: "{newmeta}", visibility: "VeryHidden" as const },
      ...swap.backups.map((b, i) => ({ name: b.backup, id: `{b${i}}`, visibility: "Visible" as const })),
    ];
    const charts = swap.garbage.charts.map(() => ["Grafiek 1", "Grafiek 2", "Grafiek 3"]);
    const deleting = garbageOps(swap.garbage, now, charts);
    const meta = deleting.map(short).filter((s) => s.includes(oldMeta.to));
    expect(meta).toEqual([`setVisibility ${oldMeta.to} Hidden`, `deleteSheet ${oldMeta.to}`]);
    expect(deleting.filter((o) => o.op === "deleteSheet").map((o) => (o as { sheet: string }).sheet).sort()).toEqual([...swap.garbage.sheets].sort());
    // The new meta sheet stays very hidden; nothing else is made visible or hidden.
    expect(deleting.filter((o) => o.op === "setVisibility")).toHaveLength(1);
    expect(deleting.filter((o) => o.op === "deleteChart")).toEqual(sheets.map((m) => ({ op: "deleteChart", sheet: m.name, chart: "Grafiek 1" })));
    // Called again when all is gone: nothing to do.
    expect(garbageOps(swap.garbage, now.filter((s) => !swap.garbage.sheets.includes(s.name)), swap.garbage.charts.map(() => ["Grafiek 2"]))).toEqual([]);
  });

  test("undo of a swap that failed part-way: temporary sheets off (a very hidden one made hidden first), names given back, sheets restored from their backups", () => {
    const state = rerunState();
    const staging = planStaging(sheets, state, true);
    const targets = planTargets(staging, sheetsAtSwap(state, staging));
    const swap = planSwap(staging, targets, { inPlace: targetStates(targets), replacedTables: [] }, {});
    const undo: Undo = {
      temporary: [...staging.temporary, ...swap.backups.map((b) => b.backup)],
      temporaryIds: swap.temporaryIds,
      renamedSheets: swap.renamedSheets,
      renamedTables: swap.renamedTables,
      // The old tables' areas, as loaded with the backups: the i-th table at A(5 + 10i).
      targets: withTableAreas(swap.backups, swap.backups.map((b) => b.tables.map((_, i) => ({ row: 5 + i * 10, col: 1, rows: 3, cols: 4 })))),
    };
    const scratch = (swap.swap.find((o) => o.op === "renameSheet" && o.sheet === META_SHEET) as Extract<WriteOp, { op: "renameSheet" }>).to;
    // The swap stopped after the new meta sheet was made very hidden, before it was renamed;
    // the old meta sheet already renamed. Tekort had its new tables and a new chart.
    const now = [
      ...INPUT.map((s) => ({ ...s, visibility: "Visible" as const })),
      ...sheets.map((m, i) => ({ name: m.name, id: `{r${i}}`, visibility: "Visible" as const })),
      ...staging.sheets.map((p, i) => ({ name: p.tempName, id: `{t${i}}`, visibility: "Visible" as const })),
      { name: scratch, id: "{meta}", visibility: "VeryHidden" as const },
      { name: staging.metaTemp, id: `{t${sheets.length}}`, visibility: "VeryHidden" as const },
      ...swap.backups.map((b, i) => ({ name: b.backup, id: `{b${i}}`, visibility: "Visible" as const })),
    ];
    const undoing = undoOps(undo, {
      sheets: now,
      tables: [],
      targets: swap.backups.map(() => ({ tables: ["Nieuw_1"], charts: ["Grafiek 1", "Grafiek 2"], used: { row: 1, col: 1, rows: 50, cols: 8 } })),
    });
    const names = undoing.map(short);
    // Staged sheets and the new meta sheet deleted; backups kept for the restore.
    expect(names.filter((s) => s.startsWith("deleteSheet"))).toEqual([...staging.sheets.map((p) => `deleteSheet ${p.tempName}`), `deleteSheet ${staging.metaTemp}`]);
    expect(names.indexOf(`setVisibility ${staging.metaTemp} Hidden`)).toBe(names.indexOf(`deleteSheet ${staging.metaTemp}`) - 1);
    expect(names).toContain(`renameSheet ${scratch} → ${META_SHEET}`);
    // Per sheet updated in place: the new chart and tables off, cleared over old and new extent, old cells back.
    const tekort = undo.targets.find((b) => b.sheet === "Tekort")!;
    expect(undoing.filter((o) => "sheet" in o && o.sheet === "Tekort")).toEqual([
      { op: "deleteChart", sheet: "Tekort", chart: "Grafiek 2" },
      { op: "clear", sheet: "Tekort", area: { row: 1, col: 1, rows: 50, cols: 8 } },
      { op: "copyFrom", sheet: "Tekort", area: { row: 1, col: 1, rows: 40, cols: 6 }, from: tekort.backup },
    ]);
    expect(tekort.tables.map((t) => t.area.row)).toEqual(tekort.tables.map((_, i) => 5 + i * 10));
    expect(() => withTableAreas(swap.backups, swap.backups.map(() => []))).toThrow(/^withTableAreas: \d+ tables on /);
    const restoring = restoreOps(undo, swap.backups.map(() => ["Tabel1"]));
    expect(restoring.filter((o) => o.op === "convertTableToRange")).toHaveLength(swap.backups.length);
    expect(restoring.filter((o) => ("sheet" in o && o.sheet === "Tekort") || ("sheet" in o && o.sheet === tekort.backup))).toEqual([
      ...tekort.tables.map((t) => ({ op: "addTable", sheet: "Tekort", area: t.area, name: t.name, style: t.style })),
      { op: "format", sheet: "Tekort", widths: [{ col: 1, points: 60 }], fonts: [] },
      { op: "deleteSheet", sheet: tekort.backup },
    ]);
  });
});

describe("an undo that failed", () => {
  const target = (sheet: string, backup: string) => ({ sheet, backup, old: null, tables: [], widths: [], charts: [] });
  const undo: Undo = {
    temporary: ["_batbzk_tmp1", "_batbzk_tmp2", "_batbzk_tmp7", "_batbzk_tmp8"],
    temporaryIds: [],
    renamedSheets: [],
    renamedTables: [],
    targets: [target("Tekort", "_batbzk_tmp7"), target("Controle", "_batbzk_tmp8")],
  };

  test("tried again: a sheet whose backup is gone was restored already and is left out", () => {
    const sheets = ["Tekort", "Controle", "_batbzk_tmp8"].map((name, i) => ({ name, id: `{${i}}`, visibility: "Visible" as const }));
    expect(pendingUndo(undo, sheets).targets.map((t) => t.sheet)).toEqual(["Controle"]);
    expect(pendingUndo(undo, sheets).temporary).toEqual(undo.temporary);
  });

  test("not put back: the message names the sheets that may be half updated and where their earlier content is; the backups are not to be removed", () => {
    expect(rollbackFailedMessage("Excel reageert niet.", undo)).toBe(
      "Excel reageert niet. Het terugzetten van de werkmap is niet gelukt. Deze bladen zijn mogelijk maar half bijgewerkt: 'Tekort' (vorige inhoud op blad '_batbzk_tmp7'), 'Controle' (vorige inhoud op blad '_batbzk_tmp8'). Verwijder de bladen met de vorige inhoud pas als u die niet meer nodig hebt. De tijdelijke bladen ('_batbzk_tmp1', '_batbzk_tmp2') konden niet worden opgeruimd; verwijder ze zelf.",
    );
    expect(rollbackFailedMessage("Excel reageert niet.", { ...undo, targets: undo.targets.slice(0, 1), temporary: ["_batbzk_tmp7"] })).toBe(
      "Excel reageert niet. Het terugzetten van de werkmap is niet gelukt. Blad 'Tekort' is mogelijk maar half bijgewerkt; de vorige inhoud staat op blad '_batbzk_tmp7'. Verwijder dat blad pas als u die inhoud niet meer nodig hebt.",
    );
    // No sheet updated in place yet: only the temporary sheets (as before).
    expect(rollbackFailedMessage("Excel reageert niet.", { ...undo, targets: [] })).toBe(
      "Excel reageert niet. De tijdelijke bladen ('_batbzk_tmp1', '_batbzk_tmp2', '_batbzk_tmp7', '_batbzk_tmp8') konden niet worden opgeruimd; verwijder ze zelf.",
    );
  });
});

describe("a re-run without ExcelApi 1.9 (Excel 2016/2019)", () => {
  test("our earlier sheets are replaced: their tables and the sheets renamed out of the way before the new ones take the names", () => {
    const state = rerunState();
    const staging = planStaging(sheets, state, false);
    expect(staging.sheets.some((p) => p.bare)).toBe(false);
    // Our old tables do not block the final names.
    expect(staging.sheets.flatMap((p) => p.tables.map((t) => t.finalName))).toEqual(sheets.flatMap((m) => m.tables.map((t) => t.name)));
    const targets = planTargets(staging, sheetsAtSwap(state, staging));
    expect(targets.inPlace).toEqual([]);
    expect(targets.replaced).toEqual(sheets.map((m) => m.name));
    const swap = planSwap(staging, targets, { inPlace: [], replacedTables: sheets.map((m) => m.tables.map((t) => t.name)) }, {});
    const names = swap.swap.map(short);
    for (const m of sheets) {
      const plan = staging.sheets.find((p) => p.model === m)!;
      const away = names.findIndex((s) => s.startsWith(`renameSheet ${m.name} → _batbzk_tmp`));
      expect(away).toBeGreaterThanOrEqual(0);
      expect(away).toBeLessThan(names.indexOf(`renameSheet ${plan.tempName} → ${m.name}`));
      for (const t of m.tables) expect(names.findIndex((s) => s.startsWith(`renameTable ${t.name} → _batbzk_tmp_t`))).toBeLessThan(away);
    }
    expect(swap.renamedSheets.map((r) => r.name)).toEqual([...sheets.map((m) => m.name), META_SHEET]);
    expect(swap.garbage.sheets).toHaveLength(sheets.length + 1);
    expect(swap.swap.some((o) => o.op === "deleteSheet" || o.op === "clear" || o.op === "copyFrom")).toBe(false);
  });
});

test("garbageLeftMessage names only what is left: sheets (maybe hidden) and the sheets with old charts", () => {
  const head = "Het resultaat staat in de werkmap, maar niet alles van de vorige analyse kon worden opgeruimd.";
  expect(garbageLeftMessage({ sheets: [], charts: [{ sheet: "Tekort", names: ["Grafiek 1"] }, { sheet: "Tekort", names: ["Grafiek 2"] }] }))
    .toBe(`${head} Op blad 'Tekort' staan nog oude grafieken; de volgende analyse ruimt die op.`);
  expect(garbageLeftMessage({ sheets: ["_batbzk_tmp2", "Tekort oud"], charts: [] }))
    .toBe(`${head} Verwijder zelf de bladen '_batbzk_tmp2', 'Tekort oud' (ze kunnen verborgen zijn).`);
});
