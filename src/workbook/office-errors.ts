/**
 * Office.js error codes mapped to plain Dutch messages for the user.
 *
 * When a `context.sync()` fails, Office.js rejects with an `OfficeExtension.Error` whose `code`
 * is a stable, non-localised string (`ItemNotFound`, `InvalidOperationInCellEditMode`, ...;
 * see office-js-docs-pr docs/testing/application-specific-api-error-handling.md, whose table
 * lists every documented code; each has a message here). Its `message`
 * is localised and "not intended for end users", so the adapter never shows it: it maps the code
 * to a Dutch sentence and rethrows a `UserError` with the original error as `cause` (for
 * developers). Nothing is swallowed and nothing is only logged.
 *
 * Pure module: no Office.js at run time, only string codes.
 */
import { UserError } from "../domain/issues";

/** For the codes that say this Excel lacks an API the add-in uses. */
const MISSING_API = "Deze versie van Excel mist een onderdeel dat de invoegtoepassing nodig heeft. Werk Excel bij of gebruik Excel voor het web.";

/** One Dutch message per Office.js error code that the adapter can meet. */
export const OFFICE_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  /** The user is typing in a cell (or has a cell's edit box open): Excel refuses every batch
   * until edit mode ends. The add-in does not ask Excel to wait (`delayForCellEdit`), because a
   * run that silently hangs is worse than a clear request to press Enter. */
  InvalidOperationInCellEditMode: "Excel is bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.",
  /** A worksheet, table or range asked for by name does not exist (any more), e.g. a sheet was
   * renamed or deleted while the task pane was open. */
  ItemNotFound: "Een blad of tabel bestaat niet (meer) in de werkmap. Misschien is het net hernoemd of verwijderd; probeer het opnieuw.",
  /** A sheet or table with the same name already exists (a race with the user, or a leftover sheet). */
  ItemAlreadyExists: "Er bestaat al een blad of tabel met dezelfde naam. Hernoem of verwijder dat blad en probeer het opnieuw.",
  /** Excel rejected an argument (a name, an address or an array of the wrong size). */
  InvalidArgument: "Excel weigerde een opdracht van de invoegtoepassing (ongeldige naam of ongeldig bereik). Probeer het opnieuw; blijft het misgaan, geef dan deze melding door.",
  /** The workbook, its structure or a sheet is protected, or the file is read-only. */
  AccessDenied: "Excel staat geen wijzigingen toe: de werkmap of een blad is beveiligd, of het bestand is alleen-lezen. Hef de beveiliging op (Controleren > Werkmap beveiligen) of sla een kopie op en probeer het opnieuw.",
  /** Excel on the web: one request was over the 5 MB limit. The adapter halves its chunks on this
   * error; it only reaches the user when a single row is already too large. */
  RequestPayloadSizeLimitExceeded: "De gegevens zijn te groot om in één keer naar Excel voor het web te sturen, ook in kleine delen. Maak lange teksten in de tabel korter of gebruik Excel op de computer.",
  /** Excel on the web: one response was over the 5 MB limit (as above, for reading). */
  ResponsePayloadSizeLimitExceeded: "Het blad is te groot om in één keer uit Excel voor het web te lezen, ook in kleine delen. Maak lange teksten in de tabel korter of gebruik Excel op de computer.",
  /** A range with more cells than Excel will handle in one operation (about 5 million for reading). */
  RangeExceedsLimit: "Het bereik is te groot voor Excel om in één keer te verwerken. Verklein de tabel of de selectie en probeer het opnieuw.",
  /** Several areas are selected, or the selection is not a range (a chart or a shape). */
  InvalidSelection: "Selecteer één aaneengesloten gebied met cellen en probeer het opnieuw.",
  /** Several workbooks are open and this one lost focus during the run. */
  InactiveWorkbook: "Er zijn meerdere werkmappen open en deze werkmap is niet meer actief. Klik in deze werkmap en probeer het opnieuw.",
  /** The Excel version lacks an API the add-in needs (requirement set not supported). */
  ApiNotFound: MISSING_API,
  /** As ApiNotFound: the API exists but is not available here. */
  ApiNotAvailable: MISSING_API,
  /** The feature is not implemented on this platform (e.g. a preview API). */
  NotImplemented: MISSING_API,
  /** A table would overlap another table, a PivotTable or merged cells. */
  MergedRangeConflict: "Een tabel kon niet worden gemaakt omdat hij zou overlappen met een andere tabel, een draaitabel of samengevoegde cellen.",
  /** Too many requests in a short time, or Excel ran out of memory. */
  ActivityLimitReached: "Excel is even overbelast. Wacht een moment en probeer het opnieuw.",
  /** Excel ran out of memory for the operation. */
  MemoryLimitReached: "Excel heeft niet genoeg geheugen voor deze bewerking. Sluit andere werkmappen of verklein de tabel en probeer het opnieuw.",
  /** The request was aborted (e.g. the connection to Excel on the web dropped). */
  RequestAborted: "De verbinding met Excel werd onderbroken. Probeer het opnieuw.",
  /** The service behind Excel on the web is not available. */
  ServiceNotAvailable: "Excel voor het web is tijdelijk niet bereikbaar. Probeer het later opnieuw.",
  /** The operation is not valid for the object (e.g. hiding or deleting the last visible sheet). */
  InvalidOperation: "Excel kon een bewerking niet uitvoeren op de werkmap. Probeer het opnieuw; blijft het misgaan, geef dan deze melding door.",
  /** The operation is not supported for this kind of sheet (a chart sheet or macro sheet). */
  UnsupportedSheet: "Dit soort blad (een grafiekblad of macroblad) kan niet worden gelezen. Kies een gewoon werkblad.",
  /** Conflict with a co-author or another change in the same place. */
  Conflict: "Iemand anders wijzigt de werkmap tegelijk. Wacht even en probeer het opnieuw.",
  /** Excel's catch-all internal error. Excel on the web also gives it for a request that is too
   * large (the adapter then retries in smaller parts, see {@link shouldShrink}). */
  GeneralException: "Excel meldde een onverwachte fout. Sla de werkmap op en probeer het opnieuw.",
  /** The operation is not supported here (e.g. on this kind of sheet or in this Excel). */
  UnsupportedOperation: "Excel ondersteunt deze bewerking hier niet. Werk Excel bij of gebruik Excel voor het web; blijft het misgaan, geef dan deze melding door.",
  /** The workbook holds something this operation cannot handle (e.g. an unsupported feature on a sheet). */
  UnsupportedFeature: "De werkmap bevat iets wat Excel bij deze bewerking niet ondersteunt. Sla een kopie op als gewone .xlsx-werkmap en probeer het daarin opnieuw.",
  /** A reference (a range, sheet or name) is not valid for the operation. */
  InvalidReference: "Een verwijzing naar een blad of bereik klopt niet (meer). Misschien is er net een blad hernoemd of verwijderd; probeer het opnieuw.",
  /** Excel on the web: one operation would touch more than about 33.5 million cells. */
  OperationCellsExceedLimit: "De bewerking raakt te veel cellen voor Excel voor het web. Controleer of er geen losse gegevens ver rechts of onder de tabel staan, verwijder die en probeer het opnieuw.",
  /** The write would conflict with a filter on the sheet. */
  FilteredRangeConflict: "Er staat een filter op een blad dat de invoegtoepassing moet bijwerken. Wis het filter (Gegevens > Wissen) en probeer het opnieuw.",
  /** The write would overlap a PivotTable. */
  PivotTableRangeConflict: "Er staat een draaitabel op een plek die de invoegtoepassing moet bijwerken. Verplaats de draaitabel naar een eigen blad en probeer het opnieuw.",
  /** Inserting or deleting cells conflicts with a table, merged cells or a filter. */
  InsertDeleteConflict: "Excel kon geen cellen invoegen of verwijderen, omdat dat botst met een tabel, samengevoegde cellen of een filter. Probeer het opnieuw; blijft het misgaan, geef dan deze melding door.",
  /** Inserting cells would push non-empty cells off the sheet. */
  NonBlankCellOffSheet: "Excel kan hier geen cellen invoegen: dan zouden gevulde cellen van het blad af vallen. Maak ruimte onderaan of rechts op het blad en probeer het opnieuw.",
  /** A chart was made from an empty series. */
  EmptyChartSeries: "Een grafiek kon niet worden gemaakt omdat de gegevens ervoor leeg zijn. De tabellen zijn wel geschreven; geef deze melding door.",
  /** A formula is too long for Excel. */
  FormulaLengthExceedsLimit: "Een formule is te lang voor Excel. Geef deze melding door.",
  /** A binding to a range is no longer valid. */
  InvalidBinding: "Een koppeling met de werkmap klopt niet meer door een eerdere wijziging. Sluit het taakvenster, open het opnieuw en probeer het nog eens.",
  /** Excel could not process the request. */
  InvalidRequest: "Excel kon de opdracht niet verwerken. Probeer het opnieuw; blijft het misgaan, geef dan deze melding door.",
  /** A password was wrong (a protected workbook or sheet). */
  BadPassword: "Het wachtwoord klopt niet. Hef de beveiliging van de werkmap of het blad op en probeer het opnieuw.",
  /** The user has not allowed Excel to refresh links to other workbooks. */
  RefreshWorkbookLinksBlocked: "Excel mag de koppelingen naar andere werkmappen niet bijwerken. Sta dat toe in de gele balk boven de werkmap en probeer het opnieuw.",
  /** Sign-in information is missing or invalid (Excel on the web). */
  Unauthenticated: "U bent niet (meer) aangemeld bij Microsoft 365. Meld u opnieuw aan, open de werkmap opnieuw en probeer het nog eens.",
  /** A programming error in the add-in (a property read before `load` + `sync`). */
  PropertyNotLoaded: "Interne fout in de invoegtoepassing (gegevens niet geladen). Geef deze melding door.",
  /** A programming error in the add-in (an object used outside its batch). */
  InvalidObjectPath: "Interne fout in de invoegtoepassing (ongeldige verwijzing naar een Excel-object). Probeer het opnieuw; blijft het misgaan, geef dan deze melding door.",
  /** A programming error in the add-in (a request context used after its `Excel.run` ended). */
  InvalidRequestContext: "Interne fout in de invoegtoepassing (verlopen verbinding met Excel). Probeer het opnieuw.",
};

/** Codes that mean "this request or response was too large": the adapter retries in smaller chunks. */
const SIZE_CODES: ReadonlySet<string> = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

/** The `code` of an Office.js error (a string), or null for anything else. */
export function officeErrorCode(err: unknown): string | null {
  if (typeof err !== "object" || err === null || !("code" in err)) return null;
  const code = (err as { code: unknown }).code;
  return typeof code === "string" && code.length > 0 ? code : null;
}

/** True when the error says a request or response was over Excel's size limit (retry smaller). */
function isPayloadSizeError(err: unknown): boolean {
  const code = officeErrorCode(err);
  return code !== null && SIZE_CODES.has(code);
}

/**
 * Below this size (bytes of the request or estimated response) a GeneralException is not taken
 * for a size problem: after halving a request from 2 MiB five times, what still fails is reported.
 */
const LARGE_REQUEST_BYTES = 64 * 1024;

/**
 * Whether a failed request should be retried in smaller parts: on a size error (nothing of the
 * request was applied), and on a GeneralException from a large request, which Excel on the web
 * gives instead of a size error (OfficeDev/office-js#1012, office-js#261, office-js-docs#1247).
 * Repeating such a request is safe where the adapter does it: reads, and writes onto its own
 * temporary sheets. Cell values written twice are the same; a sheet or table added twice fails
 * (ItemAlreadyExists, MergedRangeConflict), and the write then removes its temporary sheets.
 * @param bytes the request's size, or the expected size of the response for a read.
 */
export function shouldShrink(err: unknown, bytes: number): boolean {
  if (isPayloadSizeError(err)) return true;
  return officeErrorCode(err) === "GeneralException" && bytes >= LARGE_REQUEST_BYTES;
}

/**
 * The Dutch message for an Office.js error code; unknown codes get a general sentence that names
 * the code, so that a user who reports it gives support something to go on.
 */
function officeErrorMessage(code: string): string {
  return OFFICE_ERROR_MESSAGES[code] ?? `Excel meldde een fout (${code}). Probeer het opnieuw; blijft het misgaan, geef dan deze melding door.`;
}

/**
 * Turns anything thrown during an Office.js batch into a `UserError` with a Dutch message.
 * A `UserError` passes through unchanged (e.g. "Analyse geannuleerd."). The original error is
 * kept as `cause` for developers; its English `message` is never shown.
 * @param err what was thrown. @returns the error to throw.
 */
export function toUserError(err: unknown): UserError {
  if (err instanceof UserError) return err;
  const code = officeErrorCode(err);
  const message = code
    ? officeErrorMessage(code)
    : "Er ging iets mis in de verbinding met Excel. Probeer het opnieuw; blijft het misgaan, geef dan deze melding door.";
  const out = new UserError(message);
  out.cause = err;
  return out;
}
