/** The test files that `npm test` leaves out and `npm run test:slow` runs (both configs read this
 * list): they exercise Excel's largest sheet or throw many mutated workbooks at child processes,
 * each taking tens of seconds or more, or write a large workbook as a smoke test whose deterministic
 * counterpart runs in `npm test`. Add a suite here when it alone takes more than about 20 s, or
 * when it is such a large-workbook smoke test of more than a few seconds. */
module.exports = [
  "test/workbook/office-scale.test.ts", // 1,048,575 rows through the in-memory Excel host
  "test/workbook/office-every-operation.test.ts", // about 2,000 runs, each failing at one operation
  "test/fuzz/xlsx-fuzz.test.ts", // mutated workbooks, one child process each
  "test/samples-build.test.ts", // builds both sample workbooks twice from ../shared/domain/data
  "test/fuzz/ingest-junk.property.test.ts", // 700 random junk tables through ingest and the whole analysis
  // --uit over a 30,000-row Excel table (8-9 s warm, about 14 s on a first run, which builds its
  // input with ExcelJS); the deterministic proof of the drain it smokes out is in
  // test/workbook/zip-sink.test.ts, which npm test runs.
  "test/cli/uit-regenerated.test.ts",
];
