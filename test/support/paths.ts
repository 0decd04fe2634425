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

/** The Kerkrade sample: a stock per dwelling, a wide BAT table, demand. */
export const KERKRADE = path.join(ASSETS, "kerkrade-sociale-huur-2020.xlsx");

/** The Parkstad sample: published demand, supply, CBS stock and adaptation shares (no stock per dwelling). */
export const PARKSTAD = path.join(ASSETS, "parkstad-woonzorg-2023.xlsx");

/** ../shared: the shared folder beside the repository (or beside its worktree). */
export const SHARED = path.resolve(ROOT, "../shared");

/** The published tables as CSV (../shared/domain/data), or SHARED_DATA_DIR when set. */
export const DATA_DIR = process.env.SHARED_DATA_DIR ? path.resolve(process.env.SHARED_DATA_DIR) : path.join(SHARED, "domain", "data");

/** The seeds: text of the published documents (../shared/seeds). */
export const SEED_DIR = path.join(SHARED, "seeds");
