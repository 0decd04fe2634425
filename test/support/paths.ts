/**
 * Paths the tests read from, in one place: the repository's sample workbooks (assets/) and the
 * shared published figures and seeds beside the repository (../shared, as the developers' guide
 * lays the folders out; SHARED_DATA_DIR overrides the data folder, as it does for
 * scripts/build-samples.js).
 */
import * as path from "node:path";

/** The repository's root folder. */
export const ROOT = path.resolve(__dirname, "../..");

/** assets/: the sample workbooks and the icons. */
export const ASSETS = path.join(ROOT, "assets");

/** File names of the sample workbooks in assets/ (scripts/build-samples.js makes them). */
export const SAMPLES = {
  /** A stock per dwelling (synthetic), the published wide BAT table, demand. */
  kerkrade: "kerkrade-sociale-huur-2020.xlsx",
  /** Published demand, supply, CBS stock and adaptation shares; no stock per dwelling. */
  parkstad: "parkstad-woonzorg-2023.xlsx",
} as const;

/** The Kerkrade sample's path. */
export const KERKRADE = path.join(ASSETS, SAMPLES.kerkrade);

/** The Parkstad sample's path. */
export const PARKSTAD = path.join(ASSETS, SAMPLES.parkstad);

/** ../shared: the shared folder beside the repository (or beside its worktree). */
export const SHARED = path.resolve(ROOT, "../shared");

/** The published tables as CSV (../shared/domain/data), or SHARED_DATA_DIR when set. */
export const DATA_DIR = process.env.SHARED_DATA_DIR ? path.resolve(process.env.SHARED_DATA_DIR) : path.join(SHARED, "domain", "data");

/** The seeds: text of the published documents (../shared/seeds). */
export const SEED_DIR = path.join(SHARED, "seeds");
