/**
 * scripts/build-samples.js is deterministic: two builds from ../shared/domain/data give the same
 * bytes and the same cells as the committed workbooks in assets/. Builds both samples twice (about
 * 15 s), so it runs with the slow suites (`npm run test:slow`, jest.slow-suites.js); the sample
 * contents themselves are checked in test/samples.test.ts.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { dumpCells as dump, loadXlsx as load } from "./support/xlsx-cells";
import { ASSETS, DATA_DIR, ROOT, SAMPLES } from "./support/paths";

const SCRIPT = path.join(ROOT, "scripts", "build-samples.js");

describe("build-samples.js is deterministic", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  test("two builds give identical cell contents, equal to the committed workbooks", async () => {
    const build = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-samples-"));
      dirs.push(dir);
      execFileSync(process.execPath, [SCRIPT], {
        env: { ...process.env, OUT_DIR: dir, SHARED_DATA_DIR: DATA_DIR },
        stdio: "pipe",
      });
      return dir;
    };
    const a = build();
    const b = build();
    for (const file of [SAMPLES.kerkrade, SAMPLES.parkstad]) {
      const da = dump(await load(path.join(a, file)));
      const db = dump(await load(path.join(b, file)));
      expect(db).toEqual(da);
      const committed = dump(await load(path.join(ASSETS, file)));
      expect(committed).toEqual(da);
      // The script also fixes the zip timestamps, so a rebuild gives the same bytes.
      expect(fs.readFileSync(path.join(b, file)).equals(fs.readFileSync(path.join(a, file)))).toBe(true);
    }
  });
});
