/**
 * Dutch text for the sample workbooks and the console (scripts/build-samples.js): everything a
 * user reads is plain Dutch, with the Dutch thousands separator (docs/handleiding.md shows the
 * figures the same way, e.g. 7.824).
 */
"use strict";

/** The text with its first letter in upper case: "regulier wonen" -> "Regulier wonen". */
function capitalise(s) {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whole number with Dutch thousands separator: 7824 -> "7.824". */
function nl(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

module.exports = { capitalise, nl };
