/** The test files that `npm test` leaves out and `npm run test:slow` runs (both configs read this
 * list): they exercise Excel's largest sheet or throw many mutated workbooks at child processes,
 * each taking tens of seconds or more. Add a suite here when it alone takes more than about 20 s. */
module.exports = [
  "test/workbook/office-scale.test.ts", // 1,048,575 rows through the in-memory Excel host
  "test/workbook/office-every-operation.test.ts", // about 2,000 runs, each failing at one operation
  "test/fuzz/xlsx-fuzz.test.ts", // mutated workbooks, one child process each
  "test/samples-build.test.ts", // builds both sample workbooks twice from ../shared/domain/data
  "test/fuzz/ingest-junk.property.test.ts", // 700 random junk tables through ingest and the whole analysis
];
