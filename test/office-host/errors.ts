/**
 * Errors as the in-memory Excel host raises them, shaped like Office.js's `OfficeExtension.Error`
 * as it reaches add-in code: `name` "RichApi.Error", a non-localised `code`, an English `message`
 * and `debugInfo` with the code, message and the failing API ("errorLocation").
 * Messages are those of office-js-docs-pr docs/testing/application-specific-api-error-handling.md.
 */

/** Documented messages per code (English, as Office.js returns them on an en-US machine). */
const MESSAGES: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidOperationInCellEditMode:
    "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
};

/** An Office.js-style error with `code` and `debugInfo`. */
export class RichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];

  constructor(code: string, message?: string, errorLocation?: string) {
    const text = message ?? MESSAGES[code] ?? code;
    super(text);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message: text, errorLocation };
  }
}

/** An Office.js error with the documented message for `code`. */
export function richError(code: string, errorLocation?: string, message?: string): RichApiError {
  return new RichApiError(code, message, errorLocation);
}

/** The error Office.js throws (synchronously, on the property getter) when a property is read
 * before `load()` + `context.sync()`. Message as observed from real Office.js. */
export function propertyNotLoaded(typeName: string, prop: string): RichApiError {
  return new RichApiError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${prop}`,
  );
}

/** Thrown for any API that the adapter does not use and the host therefore does not model. */
export class NotInHostError extends Error {
  constructor(what: string) {
    super(`not implemented in host: ${what} (test/office-host models only what src/workbook/office.ts uses)`);
    this.name = "NotInHostError";
  }
}
