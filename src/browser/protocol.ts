/**
 * The messages between the browser page and its analysis worker (analysis.worker.ts), as zod
 * schemas: each side validates what it receives, so a malformed message becomes a clear error
 * instead of undefined behaviour.
 *
 * Page → worker, one request per message, each with a number `id` unique per worker:
 *   open        { file }                  read the .xlsx (a File: no copy of its bytes on the page)
 *   describe    {}                        the sheets as recognised and the saved settings
 *   preview     { sheet, rules, overrides }  the mapping step's view of the stock sheet
 *   analyse     { options }               the whole analysis; the worker keeps the full result
 *   whatIf      { scenario }              (after analyse) the what-if scenario on the kept result
 *   resultFile  { settings, scenario? }   the result sheets written into the workbook, as a Blob
 * Worker → page, for a request's `id`:
 *   progress    { stap, fractie }         (analyse only) Dutch step name, fraction 0..1
 *   done        { value }                 the reply, shaped by the request's kind (REPLY_SCHEMAS)
 *   failed      { message, user }         `user`: a Dutch UserError text fit to show as it is;
 *                                         otherwise a technical detail (a bug)
 * The worker handles requests one at a time, in order. There is no cancel message: the worker is
 * busy computing while a run lasts, so the page cancels by terminating it (worker-client.ts).
 */
import { z } from "zod";
import { ISSUE_CODE_LIST } from "../domain/issue-codes";
import { RulesSchema } from "../domain/rules";
import { STOCK_FIELDS, type TableKind } from "../ingest/types";
import type { SheetDetection, StockPreview } from "../analysis/preview";
import type { SheetKind } from "../report/sheet-model";
import type { KeyFigures } from "../session/results";
import type { ResultFile, RunSummary, WorkbookDescription } from "../session/session";
import type { WhatIfOptions, WhatIfView } from "../session/whatif-view";
import type { StoredSettings } from "../workbook/port";

const Id = z.number().int().nonnegative();
const Fraction = z.number().min(0).max(1);
const Count = z.number().nonnegative();

const OverridesSchema = z.partialRecord(z.enum(STOCK_FIELDS), z.string());

const SettingsSchema: z.ZodType<StoredSettings> = z.object({
  regels: z.unknown().optional(),
  kolommen: z.record(z.string(), z.string()).optional(),
  voorraad: z.string().optional(),
  vraag: z.string().optional(),
});

const RunOptionsSchema = z.strictObject({
  voorraad: z.string().optional(),
  vraag: z.string().optional(),
  rules: RulesSchema,
  overrides: OverridesSchema.optional(),
});

/** The levers of a what-if scenario: the rules' `watAls` (all fields given). */
const ScenarioSchema = RulesSchema.shape.watAls.unwrap();

/** A request from the page to the worker. */
export const RequestSchema = z.discriminatedUnion("kind", [
  z.strictObject({ id: Id, kind: z.literal("open"), file: z.instanceof(Blob), name: z.string().min(1) }),
  z.strictObject({ id: Id, kind: z.literal("describe") }),
  z.strictObject({ id: Id, kind: z.literal("preview"), sheet: z.string(), rules: RulesSchema, overrides: OverridesSchema }),
  z.strictObject({ id: Id, kind: z.literal("analyse"), options: RunOptionsSchema }),
  z.strictObject({ id: Id, kind: z.literal("whatIf"), scenario: ScenarioSchema }),
  z.strictObject({ id: Id, kind: z.literal("resultFile"), settings: SettingsSchema, scenario: ScenarioSchema.optional() }),
]);

/** A request from the page to the worker. */
export type WorkerRequest = z.infer<typeof RequestSchema>;
/** The kinds of request. */
export type RequestKind = WorkerRequest["kind"];

/** A message from the worker to the page. */
export const ReplySchema = z.discriminatedUnion("kind", [
  z.strictObject({ id: Id, kind: z.literal("progress"), stap: z.string(), fractie: Fraction }),
  z.strictObject({ id: Id, kind: z.literal("done"), value: z.unknown() }),
  z.strictObject({ id: Id, kind: z.literal("failed"), message: z.string(), user: z.boolean() }),
]);

/** A message from the worker to the page. */
export type WorkerReply = z.infer<typeof ReplySchema>;

const SHEET_KIND_FLAGS: Record<SheetKind, true> = {
  "bzk-indeling": true, "bzk-indeling-vervolg": true, tekort: true, aanpassingspotentieel: true, vergelijking: true, controle: true,
};
const SHEET_KINDS = Object.keys(SHEET_KIND_FLAGS) as [SheetKind, ...SheetKind[]];
/** Every table kind, checked by the compiler: a kind added to TableKind must be added here. */
const TABLE_KIND_FLAGS: Record<TableKind, true> = {
  voorraad: true, "bat-breed": true, kruistabel: true, aanbod: true, vraag: true, "cbs-voorraad": true, aanpassingspercentages: true, mutaties: true, plannenlijst: true, saldo: true, citaten: true, onbekend: true,
};
const TABLE_KINDS = Object.keys(TABLE_KIND_FLAGS) as [TableKind, ...TableKind[]];
const Severity = z.enum(["fout", "waarschuwing", "info"]);
const IssueSchema = z.object({ code: z.enum(ISSUE_CODE_LIST), severity: Severity, sheet: z.string().nullable(), cell: z.string().nullable(), message: z.string() });

const SheetDetectionSchema: z.ZodType<SheetDetection> = z.object({
  sheet: z.string(), kind: z.enum(TABLE_KINDS), reden: z.string(), rowCount: Count, ookMogelijk: z.enum(TABLE_KINDS).optional(),
});

const DescriptionSchema: z.ZodType<WorkbookDescription> = z.object({ sheets: z.array(SheetDetectionSchema), settings: SettingsSchema.nullable() });

const PreviewSchema: z.ZodType<StockPreview> = z.object({
  sheet: z.string(),
  headers: z.array(z.string()),
  headerRow: Count,
  mapping: z.partialRecord(z.enum(STOCK_FIELDS), z.string()),
  rowsRead: Count,
  rowsRejected: Count,
  batScale: z.enum(["limburg", "vera"]).nullable(),
  issues: z.array(IssueSchema),
  suggesties: z.array(z.object({ field: z.enum(STOCK_FIELDS), header: z.string(), cell: z.string(), score: z.number().min(0).max(1) })),
});

const KeyFiguresSchema: z.ZodType<KeyFigures> = z.object({
  eenheden: Count,
  minstensNultreden: Count,
  batScale: z.enum(["limburg", "vera"]),
  supplySource: z.enum(["voorraad", "aanbodtabel"]).nullable(),
  aanbod: z.array(z.object({ type: z.string(), exclusief: z.number(), cumulatief: z.number().nullable() })),
  aanbodTabel: z.array(z.object({ groep: z.string().nullable(), categorie: z.string(), aanbod: z.number() })),
  tekortBerekend: z.boolean(),
  tekorten: z.array(
    z.object({ groep: z.string().nullable(), categorie: z.string(), jaar: z.number(), scenario: z.string().nullable(), gebied: z.string().nullable(), tekort: z.number() }),
  ),
  potentieel: z.object({ geschikt: Count, potentieel: Count, ongeschikt: Count, onbekend: Count, totaal: Count }).nullable(),
  balans: z.object({ gelezen: Count, ingedeeld: Count, terzijde: Count }),
  meldingen: z.object({ fout: z.array(IssueSchema), waarschuwing: z.array(IssueSchema), info: z.array(IssueSchema) }),
});

const WhatIfOptionsSchema: z.ZodType<WhatIfOptions> = z.object({
  segmenten: z.array(z.object({ segment: z.string(), potentieel: Count })),
  ontmoetingsruimteKandidaten: Count,
  wlzKandidaten: Count,
  plannen: Count,
  tekortBerekend: z.boolean(),
  standaard: ScenarioSchema,
});

const SummarySchema: z.ZodType<RunSummary> = z.object({ figures: KeyFiguresSchema, rules: RulesSchema, watAls: WhatIfOptionsSchema.nullable() });

const ComplexSchema = z.object({ complex: z.string(), eigenaar: z.string().nullable(), gemeente: z.string().nullable(), erbijGeclusterd: Count, erbijZorggeschikt: Count });

const WhatIfViewSchema: z.ZodType<WhatIfView> = z.object({
  parameters: ScenarioSchema,
  tekort: z.array(
    z.object({
      lezing: z.enum(["per categorie", "cumulatief", "na doorschuiven"]),
      niveau: z.enum(["bzk", "bat"]),
      groep: z.string().nullable(),
      categorie: z.string(),
      jaar: z.number(),
      scenario: z.string().nullable(),
      gebied: z.string().nullable(),
      vraag: z.number(),
      basis: z.number().nullable(),
      watAls: z.number(),
      verschil: z.number().nullable(),
    }),
  ),
  aanbod: z.array(z.object({ type: z.string(), basis: z.number(), watAls: z.number() })),
  aanpassing: z.array(
    z.object({ segment: z.string(), percentage: z.number(), potentieel: Count, aangepast: Count, naarNultreden: Count, naarGeclusterd: Count, naarZorggeschikt: Count }),
  ),
  ontmoetingsruimten: z.array(ComplexSchema),
  wlz: z.array(ComplexSchema),
  plannen: Count,
});

const ResultFileSchema: z.ZodType<ResultFile> = z.object({
  file: z.instanceof(Blob),
  outcome: z.object({
    sheets: z.partialRecord(z.enum(SHEET_KINDS), z.string()),
    messages: z.array(z.string()),
  }),
});

/** The reply value of each kind of request. */
export interface Replies {
  open: null;
  describe: WorkbookDescription;
  preview: StockPreview;
  analyse: RunSummary;
  whatIf: WhatIfView;
  resultFile: ResultFile;
}

/** Schema of the reply value of each kind of request. */
export const REPLY_SCHEMAS: { [K in RequestKind]: z.ZodType<Replies[K]> } = {
  open: z.null(),
  describe: DescriptionSchema,
  preview: PreviewSchema,
  analyse: SummarySchema,
  whatIf: WhatIfViewSchema,
  resultFile: ResultFileSchema,
};

/** A validation failure in one line, for the technical detail of an error ("path: problem; ..."). */
export function zodProblems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(bericht)"}: ${i.message}`).join("; ");
}
