/**
 * Classification BAT → BZK per dwelling (docs/handleiding.md §2 and §4), with the rule that fired as a Dutch
 * reason and every assumption as a warning. Never guesses silently.
 *
 * Rules (defaults in `rules.ts`, every threshold editable):
 * 1. nultreden: BAT ≥ threshold on the row's own scale, or (when BAT is missing) a VERA
 *    toegankelijkheidslabel in the nultreden list. BAT and label disagree → BAT wins + warning
 *    (`toegankelijkheid.ts`).
 * 2. geclusterd: nultreden and the complex has a meeting room (inpandig; aangrenzend as option),
 *    ≥ minWoningen dwellings (rural lower bound per gemeente) and ≥ minAandeel55plus residents 55+
 *    (or, when the share is unknown, that share of dwellings labelled 55+) (`geclusterd.ts`;
 *    facts aggregated per complex in `complexes.ts`).
 * 3. zorggeschikt: geclusterd, rollator/wheelchair-suitable (BAT threshold per scale or label),
 *    Wlz care in the complex (if required) and not explicitly non-zelfstandig (if required).
 * 4. Declared VERA woonvorm GEC (geclusterd) / ZWO (zorggeschikt, which includes geclusterd)
 *    proves a level whose facts are unknown; known facts that contradict it win, with a warning.
 *    Both declarations imply nultreden (VERA: "voldoen aan de uitgangspunten voor nultredenwoningen").
 * 5. No usable BAT, no usable label and no declaration → bzk "onbekend". Missing complex facts →
 *    the highest type that can be proven, with a warning naming the missing fact.
 *    A row without complex cannot be proven geclusterd from facts ("geen complex bekend"); a
 *    declared GEC/ZWO still counts as evidence for it.
 *
 * Performance: two O(n) passes (complex facts, then classification); per row a few array
 * lookups, no string building and no object: a BZK slot and an outcome index in typed arrays
 * (classified-stock.ts), a `ClassifiedDwelling` made only on demand; a row with the previous
 * row's decisive facts takes its outcome without a lookup (`Classifier.sameFacts`), and the
 * tally counts rows by index (`IssueTally.addAt`: a `StockRow` only for its examples).
 * Outcomes are cached by the decisive facts: per (BAT, scale, label, declaration) when the
 * complex does not matter (not nultreden, onbekend), else per complex and (BAT, label,
 * declaration, zelfstandig, rural bound, zorgprofiel). Rows with the same facts share the same
 * outcome, reason string and frozen warnings array. In the per-row pass an outcome is an id
 * with its slot and tally kinds in flat arrays, and a complex's state (last key and outcome, its
 * geclusterd verdicts) is in typed arrays indexed by complex (`Classifier`): no object per
 * complex or per outcome. The outcome object, with its `reden` and `warnings` and the
 * per-complex texts they are made of (`judgeCluster`'s wording, the geclusterd part), is made
 * when first read (`Classifier.outcomeAt`, `LazyPart`, `combine`): the core and the issues never
 * read them, the reports once per distinct outcome. The issues (tally kinds, complex conflicts)
 * do not depend on them.
 * `classifySlotsAt` gives the same verdicts as one byte per row, without result objects or
 * issues, for the re-classifications of the potentials and the what-if base (reclassify.ts).
 * Figures in docs/performance.md.
 */
import { grown } from "./typed-arrays";
import type { BatScale, BzkType, ClassifiedDwelling, StockShape } from "./types";
import { type Issue, makeIssue } from "./issues";
import type { Rules } from "./rules";
import { collectComplexes, type ComplexCollection, type ComplexFacts } from "./complexes";
import { AccessibilityJudge, type AccessProblem } from "./toegankelijkheid";
import {
  clusterVerdict, clusterVerdictCode, judgeCluster, OPEN_ROOM, OPEN_SHARE, VERDICT_FALSE, VERDICT_OPEN, VERDICT_TRUE,
  type ClusterVerdict, type MissingClusterFact,
} from "./geclusterd";
import { IssueTally, type TallyKind } from "./tally";
import { gemeenteKey } from "./gemeente";
import {
  classificationKinds, complexConflictMessage, mixedScalesMessage, moreComplexConflictsMessage, redenText,
  type ClassificationKinds, type DeclaredWoonvorm,
} from "./classify-messages";
import { SLOT_GECLUSTERD, SLOT_NULTREDEN, SLOT_ONBEKEND, SLOT_REGULIER } from "./supply-vector";
import { ClassifiedStock, zorgSlot, type DwellingOutcome, type OutcomeTable } from "./classified-stock";
import { stockColumnsOf, type StockColumns, type StockRows } from "./stock-columns";

const NO_WARNINGS: string[] = Object.freeze([]) as unknown as string[];
const NO_KINDS: TallyKind[] = Object.freeze([]) as unknown as TallyKind[];

/** Part flags: the part relied on a declared woonvorm / contradicts one. */
const BY_DECLARATION = 1;
const DECLARATION_CONFLICT = 2;

/** Declaration codes as the keys number them (0 none, 1 GEC, 2 ZWO); index 0 is never a text. */
const DECLARED: readonly DeclaredWoonvorm[] = ["GEC", "GEC", "ZWO"];

type Tri = boolean | null;

/** Kleene AND of three-valued facts: false if any is false, else null if any is unknown. */
function and3(a: Tri, b: Tri, c: Tri = true): Tri {
  if (a === false || b === false || c === false) return false;
  if (a === null || b === null || c === null) return null;
  return true;
}

/** One step of a reason (nultreden, geclusterd or zorggeschikt) with its warnings; shared, read-only.
 * `kinds` and `flags` are always set when the part is made; `text` and `warnings` may be made
 * when first read ({@link LazyPart}). */
interface Part {
  readonly text: string;
  readonly warnings: string[];
  kinds: TallyKind[];
  flags: number;
}

/** A part's texts: its reason step and its warnings (not yet frozen). */
interface PartTexts {
  text: string;
  warnings: string[];
}

function part(text: string, warnings: string[] = NO_WARNINGS, kinds: TallyKind[] = NO_KINDS, flags = 0): Part {
  return {
    text,
    warnings: warnings.length === 0 ? NO_WARNINGS : (Object.freeze(warnings) as unknown as string[]),
    kinds: kinds.length === 0 ? NO_KINDS : kinds,
    flags,
  };
}

/** What makes the texts of a lazy geclusterd part ({@link Context.clusterTexts}). */
interface ClusterTextSource {
  clusterTexts(c: ClusterInfo, decl: number): PartTexts;
}

/**
 * A geclusterd part whose texts are made by `source.clusterTexts(c, decl)` when `text` or
 * `warnings` is first read, then kept (the same string and the same frozen warnings array on
 * every read, as {@link part} gives). Most per-complex parts are never read (the core needs only
 * the kinds and flags, the reports read one outcome per distinct reason), and their texts were
 * about a quarter of the classification's time (docs/performance.md, "Lazy reason texts").
 * A class holding its arguments rather than a closure: one object per part instead of three
 * (part, closure, context) that every young-generation collection copies.
 * @param kinds, flags as {@link part}'s, known without the texts; the texts must not depend on
 *   state that changes (`c` holds the complex's facts and verdict only).
 */
class LazyPart implements Part {
  private made: Part | undefined = undefined;
  readonly kinds: TallyKind[];

  constructor(
    kinds: TallyKind[],
    readonly flags: number,
    private readonly source: ClusterTextSource,
    private readonly c: ClusterInfo,
    private readonly decl: number,
  ) {
    this.kinds = kinds.length === 0 ? NO_KINDS : kinds;
  }

  private texts(): Part {
    if (this.made === undefined) {
      const t = this.source.clusterTexts(this.c, this.decl);
      this.made = part(t.text, t.warnings, this.kinds, this.flags);
    }
    return this.made;
  }

  get text(): string {
    return this.texts().text;
  }

  get warnings(): string[] {
    return this.texts().warnings;
  }
}

/** The result for one combination of decisive facts; shared by every row with those facts. */
interface Outcome extends DwellingOutcome {
  kinds: TallyKind[];
  /** BZK slot (supply-vector.ts) of `bzk`; −1 for zorggeschikt, whose slot is the row's zorgprofiel. */
  slot: number;
}

/** Accessibility of a (BAT, scale, label) combination, with caches of everything that depends
 * only on it and not on the complex. */
interface AccessInfo {
  /** Cache key ({@link accessKey}), or -1 when not cacheable (an out-of-range BAT value). */
  key: number;
  /** Nultreden by BAT or label: true, false, or null when unknown. */
  nultreden: Tri;
  /** Rollator/wheelchair-suitable by BAT or label (the zorggeschikt accessibility). */
  zorg: Tri;
  /** e.g. "BAT 3 ≥ 1: nultreden". */
  nText: string;
  /** e.g. "BAT 3 ≥ 2", "label NUL niet rollator- of rolstoelgeschikt". */
  zText: string;
  warnings: string[];
  kinds: TallyKind[];
  /** Nultreden part per declaration (0 none, 1 GEC, 2 ZWO), when nultreden holds or is declared. */
  nParts: (Part | undefined)[];
  /** Final outcome per declaration when not nultreden or onbekend (independent of the complex). */
  finals: (Outcome | undefined)[];
  /** Its id in the classifier's outcomes per declaration (−1: none yet; `Classifier.outcomeId`). */
  finalIds: number[];
  /** Zorggeschikt parts by (wlz, zelfstandig, zorgprofiel, declaration). */
  zorgParts: Map<number, { zorggeschikt: boolean; part: Part }>;
}

/** Geclusterd verdict of a complex for one threshold (rural or not), with its reason parts. */
interface ClusterInfo {
  /** The three-valued verdict (`clusterVerdict`), always known. */
  geclusterd: Tri;
  /** The verdict with its texts (`judgeCluster`), made when a part's text is first read
   * ({@link Context.verdictOf}); made at once when `geclusterd` is null (its `missing` gives the
   * tally kinds). */
  verdict: ClusterVerdict | null;
  /** The complex's facts (null: rows without complex) and whether the rural threshold applies. */
  facts: ComplexFacts | null;
  landelijk: boolean;
  /** Parts per declaration (0 none, 1 GEC, 2 ZWO), built when first needed (fields, not an
   * array: one object fewer per complex). */
  part0: Part | undefined;
  part1: Part | undefined;
  part2: Part | undefined;
  /** Tally kinds of the facts that leave geclusterd undetermined. */
  missing: TallyKind[];
  /** Warning about conflicting facts within the complex, or null; undefined until first read
   * ({@link Context.conflictOf}; the issues of `complexConflictIssues` do not depend on it). */
  conflictWarning: string | null | undefined;
}

/** What the texts of a complex's outcomes are made of (`Classifier.outcomeAt`): its facts and
 * its geclusterd verdicts with their parts. Made only when an outcome of the complex is first
 * read; the per-row pass keeps a complex's state in the classifier's typed arrays. */
interface ComplexState {
  facts: ComplexFacts | null;
  /** Geclusterd verdict for the normal (`cluster0`) and the rural (`cluster1`) size threshold. */
  cluster0: ClusterInfo | undefined;
  cluster1: ClusterInfo | undefined;
}

/** The state of a complex before its first text is made. */
function complexState(facts: ComplexFacts | null): ComplexState {
  return { facts, cluster0: undefined, cluster1: undefined };
}

/** Most complexes with conflicting facts that get their own issue; the rest are summarised. */
const MAX_COMPLEX_ISSUES = 100;

/** What {@link classifyStock} returns. */
export interface StockClassification {
  /** The classified stock: one entry per input row, in input order (no object per dwelling). */
  classified: ClassifiedStock;
  /** The same dwellings as an array, one object per row, made on the first read and kept (every
   * later read returns that array, so `dwellings[i]` in a loop is not O(n) per step): for tests
   * and small stocks; the pipeline reads `classified`. */
  readonly dwellings: ClassifiedDwelling[];
  issues: Issue[];
  /** The complex facts of the rows (`collectComplexes`), for the potentials (`stockComplexes`). */
  complexes: ComplexCollection;
}

/**
 * Classifies every stock row into a BZK type (exclusive) and cumulative flags.
 *
 * @param rows typed stock rows from ingest, column-wise (`StockColumns`; an array of rows is
 *   converted first); each row stands for `aantal` dwellings.
 * @param rules validated rules (`parseRules` / `DEFAULT_RULES`).
 * @param options the kind of table the rows come from (message wording only).
 * @returns `classified`: exactly one entry per input row, in input order, held as a BZK slot
 *   (`Uint8Array`) and an index into the shared outcomes (`Uint32Array`) per row
 *   (classified-stock.ts); `dwellings`: the same as an array of objects, made when first read;
 *   `issues`: aggregated (one per kind of problem, with dwelling count and example rows, `cell`
 *   null), plus one warning per complex with conflicting facts (at most 100, then a summary) and
 *   a `fout` "schalen-gemengd" when rows use both BAT scales; `complexes`: the complex facts of
 *   the rows (`collectComplexes`), for the potentials (`stockComplexes`). Never throws on data.
 */
export function classifyStock(rows: StockRows, rules: Rules, options: StockShape = {}): StockClassification {
  const cols = stockColumnsOf(rows);
  const n = cols.length;
  const c = new Classifier(cols, rules, options);
  const { complexes } = c;
  const tally = new IssueTally();
  // Every kind the outcomes can have gets its handle now, not in the per-row pass: a kind's place
  // in the order of the issues is set when it is first counted, not by its handle (tally.ts);
  // making a handle in the pass threw the compiled pass away in its second run (V8 had no type
  // feedback for that branch of `handle` there).
  c.registerKinds(tally);
  const slots = new Uint8Array(n);
  const outcomeIndex = new Uint32Array(n);
  // Rows with a BAT per scale code (0 none, 1 limburg, 2 vera).
  const scaleRows = new Float64Array(3);
  classifyRows(c, cols, tally, slots, outcomeIndex, scaleRows, cols.length, cols.num.bat, cols.batScale, cols.zorgprofiel, c.outcomeKinds, [], [0]);
  const limburgRows = scaleRows[1];
  const veraRows = scaleRows[2];

  const issues: Issue[] = [];
  if (limburgRows > 0 && veraRows > 0) {
    issues.push(makeIssue("schalen-gemengd", "fout", n > 0 ? cols.textAt("sheet", 0) : null, null, mixedScalesMessage(limburgRows, veraRows)));
  }
  issues.push(...tally.toIssues());
  issues.push(...complexConflictIssues(complexes));
  // The classifier is the table of outcomes: each made when first read (`Classifier.outcomeAt`).
  const classified = ClassifiedStock.of(cols, slots, outcomeIndex, c);
  let dwellings: ClassifiedDwelling[] | null = null;
  return {
    classified,
    get dwellings() {
      return (dwellings ??= classified.toArray());
    },
    issues,
    complexes: c.collection,
  };
}

/**
 * The per-row pass of {@link classifyStock} (a function of its own, so that the optimised loop
 * is not thrown away for the code after it): fills `slots` and `outcomeIndex` (the classifier's
 * outcome ids, numbered in order of first use), counts the tally kinds of every row, and adds
 * one to `scaleRows[code]` per row with a BAT on the scale with that code (stock-columns.ts: 1
 * limburg, 2 vera). Nothing follows the loop (see `scanRows` in complexes.ts: V8 threw the loop
 * compiled while it ran away at the code after it, on every call).
 */
function classifyRows(
  c: Classifier, cols: StockColumns, tally: IssueTally, slots: Uint8Array, outcomeIndex: Uint32Array, scaleRows: Float64Array,
  n: number, bat: Float64Array, batScale: Uint8Array, zorgprofiel: Uint8Array, kinds: readonly TallyKind[], handles: number[], first: number[],
): void {
  // The columns and lists come as arguments, nothing is read before the loop: V8 makes a
  // function's type feedback only once it has run a while, so what came before the loop in the
  // first call had none, and the function compiled for the second call was thrown away at its
  // first line in the third ("insufficient type feedback").
  // `handles`: the tally handles of every outcome's kinds (the same kinds, in the same order),
  // outcome after outcome: those of outcome id `k` at `handles[first[k]]` to before
  // `handles[first[k + 1]]` (one list, not an array per outcome); `first` starts as [0].
  // The previous row's outcome id, slot and tally handles.
  let id = -1;
  let slot = 0;
  let h0 = 0;
  let h1 = 0;
  for (let i = 0; i < n; i++) {
    if (bat[i] === bat[i]) scaleRows[batScale[i]]++;
    if (i === 0 || !c.sameFacts(i, i - 1)) {
      id = c.outcomeId(i);
      // The outcomes made since the last new one (ids count up from 0): their handles.
      while (first.length <= id + 1) {
        const k = first.length - 1;
        const kindsFirst = c.outcomeKindsFirst;
        for (let j = kindsFirst[k]; j < kindsFirst[k + 1]; j++) handles.push(tally.handle(kinds[j]));
        first.push(handles.length);
      }
      slot = c.slotOf(id, zorgprofiel[i]);
      h0 = first[id];
      h1 = first[id + 1];
    }
    outcomeIndex[i] = id;
    slots[i] = slot;
    for (let j = h0; j < h1; j++) tally.addAt(handles[j], cols, i);
  }
}

/**
 * The BZK slot of every row (supply-vector.ts numbering: 0 regulier, 1 nultreden, 2 geclusterd,
 * 3 zorggeschikt SOM, 4 zorggeschikt PG, 5 zorggeschikt without profile, 6 onbekend): the same
 * verdicts as {@link classifyStock} (`bzkSlot` of its dwellings), without the result objects,
 * reasons' use or issues: {@link classifySlotsAt} over every row, with the rows' own complex
 * facts. The potentials and the what-if base call `classifySlotsAt` directly (reclassify.ts,
 * whatif.ts); this whole-stock form is the reference their property tests compare with.
 * O(n), one byte per row.
 * @param rows typed stock rows (an array is converted to columns first); @param rules validated
 *   rules. Never throws on data.
 */
export function classifySlots(rows: StockRows, rules: Rules): Uint8Array {
  const cols = stockColumnsOf(rows);
  return classifySlotsAt(cols, rules, collectComplexes(cols), null);
}

/** The zorggeschikt slot per zorgprofiel column code (stock-columns.ts: 0 none, 1 SOM, 2 PG), as `zorgSlot` gives it. */
const ZORG_SLOT_OF_CODE: readonly number[] = [zorgSlot(null), zorgSlot("SOM"), zorgSlot("PG")];

/**
 * The BZK slots of some rows, judged with complex facts given by the caller: `classifySlots`
 * restricted to `indices`, without collecting the complexes again. For re-classifying rows whose
 * own facts changed but whose complexes' facts did not (the what-if's adapted dwellings: a BAT
 * is not a complex fact, complexes.ts), and the rows of a copy whose complexes are already
 * collected (reclassify.ts).
 * @param cols the rows, column-wise; @param rules validated rules.
 * @param collection the complex facts of `cols`: `collectComplexes(cols)`, or of columns that
 *   differ from `cols` only in facts that are not complex facts (BAT, scale, label, ...); its
 *   `rowComplex` indexes `cols`.
 * @param indices rows of `cols` to classify (any order, repeats allowed); null: every row.
 * @returns per index (same order; null: per row) the slot `classifySlots(cols, rules)` gives that row. O(indices
 *   + complexes). Never throws on data. For example, `classifySlotsAt(cols, rules,
 *   collectComplexes(cols), [2, 0])` is `[classifySlots(cols, rules)[2], classifySlots(cols, rules)[0]]`
 *   (property test in test/domain/reclassify.property.test.ts).
 */
export function classifySlotsAt(cols: StockColumns, rules: Rules, collection: ComplexCollection, indices: ArrayLike<number> | null): Uint8Array {
  const c = new Classifier(cols, rules, {}, collection);
  const slots = new Uint8Array(indices === null ? cols.length : indices.length);
  const zorgprofiel = cols.zorgprofiel;
  for (let j = 0; j < slots.length; j++) {
    const i = indices === null ? j : indices[j];
    slots[j] = c.slotOf(c.outcomeId(i), zorgprofiel[i]);
  }
  return slots;
}

/**
 * The cache keys of the classification. A row's outcome depends on its complex and on a few
 * facts of its own, each coded as a small whole number; a key packs such codes into one integer
 * (mixed radix: each code times the product of the sizes of the codes after it), so that equal
 * facts give equal keys and different facts different keys. Built here and nowhere else.
 */

/** Codes of the facts that decide the outcome of a nultreden (proven or declared) row within
 * its complex. */
interface OutcomeFacts {
  /** The row's accessibility: its {@link accessKey} (≥ 0). */
  access: number;
  /** Declared woonvorm used as evidence: 0 none, 1 GEC, 2 ZWO. */
  declaration: number;
  /** Zelfstandig: 0 unknown, 1 yes, 2 no. */
  zelfstandig: number;
  /** The row's gemeente is on the rules' rural list (the lower size threshold): 0 no, 1 yes. */
  landelijk: number;
  /** Zorgprofiel: 0 none, 1 SOM, 2 PG. */
  zorgprofiel: number;
}

/** Key of an outcome among those of one complex. */
function outcomeKey(f: OutcomeFacts): number {
  return (((f.access * 3 + f.declaration) * 3 + f.zelfstandig) * 2 + f.landelijk) * 3 + f.zorgprofiel;
}

/** Codes of a row's accessibility facts. */
interface AccessFacts {
  /** Toegankelijkheidslabel: 0 none, else 1 + its index in order of first appearance. */
  label: number;
  /** BAT scale (the row's, else the rules' fallback): 0 unknown, 1 limburg, 2 vera. */
  scale: number;
  /** BAT value 0..5, or 6 when missing (an out-of-range value gets no key). */
  bat: number;
}

/** Key of an accessibility: a small dense range (labels × 3 scales × 8), an array index. */
function accessKey(f: AccessFacts): number {
  return (f.label * 3 + f.scale) * 8 + f.bat;
}

/** Codes of the facts that decide the zorggeschikt part of a geclusterd row with a given
 * accessibility. */
interface ZorgFacts {
  /** Wlz care in the complex: 0 unknown, 1 yes, 2 no. */
  wlz: number;
  /** As in {@link OutcomeFacts}. */
  zelfstandig: number;
  zorgprofiel: number;
  declaration: number;
}

/** Key of a zorggeschikt part among those of one accessibility. */
function zorgPartKey(f: ZorgFacts): number {
  return ((f.wlz * 3 + f.zelfstandig) * 3 + f.zorgprofiel) * 3 + f.declaration;
}

/**
 * The per-row verdicts of one classification run: complex facts, lookup tables and caches; and
 * the table of its outcomes ({@link OutcomeTable}).
 *
 * An outcome is an id (counting up from 0 in order of first use) with, in flat arrays, its BZK
 * slot, the row it was first made for and its tally kinds: what the per-row pass, the issues and
 * the slots need. Per complex the state is in typed arrays indexed by complex slot (complex
 * index + 1; 0: rows without complex): the key and outcome id last asked for, whether it has had a
 * second key, and its geclusterd verdict per size threshold (`clusterVerdictCode`). No object is
 * made per complex or per outcome in the per-row pass (they were about half of what a
 * classification allocated, docs/performance.md). The outcome objects with their texts
 * (`reden`, `warnings`) are made when first read ({@link Classifier.outcomeAt}), from the row
 * the outcome was first made for, by the same assembly of parts as before.
 */
class Classifier implements OutcomeTable {
  readonly collection: ComplexCollection;
  readonly complexes: ComplexFacts[];
  private readonly rowComplex: Int32Array;
  private readonly ctx: Context;
  private readonly kinds: ClassificationKinds;
  private readonly useDeclared: boolean;
  /** Declaration code (0 none, 1 GEC, 2 ZWO) per woonvorm text code of the columns. */
  private readonly declOfCode: Uint8Array;
  /** Rural (1) or not (0) per gemeente text code. */
  private readonly landOfCode: Uint8Array;
  /** The outcome ids of the complexes with more than one key, by complex slot and key (see `outcomeId`). */
  private readonly outcomeMap = new Map<number, number>();
  /** Number of outcome keys ({@link outcomeKey}): accessibilities (labels × 3 scales × 8) × 54. */
  private readonly keySpace: number;
  /** Per complex slot: the key last asked for (−1: none) and its outcome id. Rows of a complex
   * come together and mostly share their facts, so this answers most rows without a lookup.
   * Keys go up to `keySpace` (labels × 1,296), past 32 bits at about 1.66 million label texts
   * (a stock of several sheets can have that many), so they are kept as doubles. */
  private readonly lastKey: Float64Array;
  private readonly lastId: Int32Array;
  /** Per complex slot: 1 once the complex has had a second key (from then on its outcomes are in
   * `outcomeMap`; most complexes have one key and never go there). */
  private readonly many: Uint8Array;
  /** Per complex slot × 2 + rural (1) or not (0): its `clusterVerdictCode`, 0 until first needed. */
  private readonly verdicts: Uint8Array;
  /** Number of outcomes (ids 0 to `outcomes` − 1). */
  private outcomes = 0;
  /** Per outcome id: its BZK slot (−1 for zorggeschikt: the slot of the row's zorgprofiel);
   * room for more ids beyond `outcomes` (grown by doubling). */
  private outcomeSlot = new Int8Array(1024);
  /** Per outcome id: the row it was first made for (its texts are made from that row). */
  private outcomeRow = new Int32Array(1024);
  /** The tally kinds of every outcome, outcome after outcome: those of id `k` from
   * `outcomeKinds[outcomeKindsFirst[k]]` to before `outcomeKinds[outcomeKindsFirst[k + 1]]`. */
  readonly outcomeKinds: TallyKind[] = [];
  outcomeKindsFirst = new Int32Array(1025);
  /** The objects of the outcomes that do not depend on the complex (shared by all complexes, so
   * made at once), by id. */
  private readonly finals = new Map<number, Outcome>();
  /** Per outcome id: its object, once read (made at the first read). */
  private made: (Outcome | undefined)[] = [];
  /** Per complex slot: the state its texts are made from, once an outcome of it has been read. */
  private readonly textStates = new Map<number, ComplexState>();

  /** @param collection `collectComplexes(cols)`, or facts equal to it for the rows classified; computed when absent. */
  constructor(private readonly cols: StockColumns, private readonly rules: Rules, options: StockShape = {}, collection: ComplexCollection = collectComplexes(cols)) {
    const { complexes, rowComplex, presence } = collection;
    this.collection = collection;
    this.complexes = complexes;
    this.rowComplex = rowComplex;
    this.kinds = classificationKinds(presence, options.kruistabel);
    this.ctx = new Context(rules, this.kinds, cols.text.toegankelijkheidslabel.values.length);
    const m = complexes.length + 1;
    this.lastKey = new Float64Array(m).fill(-1);
    this.lastId = new Int32Array(m);
    this.many = new Uint8Array(m);
    this.verdicts = new Uint8Array(2 * m);
    this.useDeclared = rules.woonvormGedeclareerd === "bewijs";
    this.declOfCode = Uint8Array.from(cols.text.woonvorm.values, (v) => (v === "GEC" ? 1 : v === "ZWO" ? 2 : 0));
    this.landOfCode = Uint8Array.from(cols.text.gemeente.values, (v) => (this.ctx.isLandelijk(v) ? 1 : 0));
    this.keySpace = cols.text.toegankelijkheidslabel.values.length * 8 * 3 * 54;
  }

  /**
   * Whether rows `i` and `j` have the same decisive facts, so that `outcomeId(i)` is the id
   * `outcomeId(j)` gave when asked last (the per-row pass asks it for the previous row: exports
   * are sorted by complex, and most rows repeat the previous row's facts). Compares the codes
   * the outcome depends on: complex, BAT (only a level 0-5, whose outcomes are cached: an
   * out-of-range value gets an outcome of its own per row), scale, label, woonvorm, gemeente,
   * zelfstandig and zorgprofiel.
   */
  sameFacts(i: number, j: number): boolean {
    const cols = this.cols;
    const b = cols.num.bat[i];
    const t = cols.text;
    return (
      b === cols.num.bat[j] && (b === 0 || b === 1 || b === 2 || b === 3 || b === 4 || b === 5) &&
      this.rowComplex[i] === this.rowComplex[j] && cols.batScale[i] === cols.batScale[j] &&
      t.toegankelijkheidslabel.codes[i] === t.toegankelijkheidslabel.codes[j] && t.woonvorm.codes[i] === t.woonvorm.codes[j] &&
      t.gemeente.codes[i] === t.gemeente.codes[j] && cols.zelfstandig[i] === cols.zelfstandig[j] && cols.zorgprofiel[i] === cols.zorgprofiel[j]
    );
  }

  /** Gives `tally` a handle for every kind an outcome of this classification can have
   * (`classificationKinds`). */
  registerKinds(tally: IssueTally): void {
    const kinds: Record<string, TallyKind> = this.kinds;
    for (const name of Object.keys(kinds)) tally.handle(kinds[name]);
  }

  /** The BZK slot of a row with outcome `id` and zorgprofiel column code `profileCode` (0 none,
   * 1 SOM, 2 PG): the outcome's slot, or for zorggeschikt the slot of the row's zorgprofiel. */
  slotOf(id: number, profileCode: number): number {
    const slot = this.outcomeSlot[id];
    return slot >= 0 ? slot : ZORG_SLOT_OF_CODE[profileCode];
  }

  /** The outcome id of row `i` of the columns; shared between rows with the same facts. */
  outcomeId(i: number): number {
    const ctx = this.ctx;
    const cols = this.cols;
    const access = ctx.access(cols, i);
    const decl = this.useDeclared ? this.declOfCode[cols.text.woonvorm.codes[i]] : 0;
    if (access.nultreden === false || (access.nultreden === null && decl === 0)) {
      // Not nultreden, or onbekend: the complex does not matter.
      const id = access.finalIds[decl];
      return id >= 0 ? id : this.finalOutcome(access, decl, i);
    }
    const s = this.rowComplex[i] + 1;
    const land = this.landOfCode[cols.text.gemeente.codes[i]];
    // The column codes are the key's codes: zelfstandig 0 unknown, 1 yes, 2 no; zorgprofiel 0 none, 1 SOM, 2 PG.
    const zelf = cols.zelfstandig[i];
    const zp = cols.zorgprofiel[i];
    if (access.key < 0) return this.assembled(access, s, decl, zelf, land, zp, i);
    const key = outcomeKey({ access: access.key, declaration: decl, zelfstandig: zelf, landelijk: land, zorgprofiel: zp });
    const lastKey = this.lastKey[s];
    if (key === lastKey) return this.lastId[s];
    // One map for every complex (not one per complex): the complex slot times the number of
    // keys, plus the key.
    const base = s * this.keySpace;
    let id = -1;
    if (this.many[s] === 1) id = this.outcomeMap.get(base + key) ?? -1;
    else if (lastKey >= 0) {
      // The complex's second key: from now on its outcomes go into the map.
      this.many[s] = 1;
      this.outcomeMap.set(base + lastKey, this.lastId[s]);
    }
    if (id < 0) {
      id = this.assembled(access, s, decl, zelf, land, zp, i);
      if (this.many[s] === 1) this.outcomeMap.set(base + key, id);
    }
    this.lastKey[s] = key;
    this.lastId[s] = id;
    return id;
  }

  /** A new outcome id with the given slot, first row and object (if made), whose tally kinds
   * have just been appended to `outcomeKinds`. */
  private newOutcome(slot: number, row: number): number {
    const id = this.outcomes++;
    if (id === this.outcomeRow.length) this.grow(2 * id);
    this.outcomeSlot[id] = slot;
    this.outcomeRow[id] = row;
    this.outcomeKindsFirst[id + 1] = this.outcomeKinds.length;
    return id;
  }

  /** Room for `capacity` outcomes in the per-outcome arrays. */
  private grow(capacity: number): void {
    this.outcomeSlot = grown(this.outcomeSlot, capacity);
    this.outcomeRow = grown(this.outcomeRow, capacity);
    this.outcomeKindsFirst = grown(this.outcomeKindsFirst, capacity + 1);
  }

  /** The id of the outcome of a dwelling that is not nultreden, or onbekend without declaration
   * (`Context.final`: shared by every complex, so made at once). */
  private finalOutcome(access: AccessInfo, decl: number, row: number): number {
    const o = access.finals[decl] ?? this.ctx.final(access, decl);
    const ks = o.kinds;
    for (let j = 0; j < ks.length; j++) this.outcomeKinds.push(ks[j]);
    const id = this.newOutcome(o.slot, row);
    this.finals.set(id, o);
    access.finalIds[decl] = id;
    return id;
  }

  /**
   * A new outcome of a nultreden (proven or declared) dwelling in complex slot `s`: its slot and
   * tally kinds as `Context.assemble` gives them (the nultreden part's kinds, the geclusterd
   * part's, the zorggeschikt part's, then those of the parts' flags: `combine`), without its
   * parts or texts. Its object is made when first read ({@link Classifier.outcomeAt}).
   */
  private assembled(access: AccessInfo, s: number, decl: number, zelf: number, land: number, zp: number, row: number): number {
    const ctx = this.ctx;
    const kinds = this.kinds;
    const out = this.outcomeKinds;
    const nPart = ctx.nPart(access, decl);
    let flags = nPart.flags;
    for (let j = 0; j < nPart.kinds.length; j++) out.push(nPart.kinds[j]);
    // The geclusterd part (`Context.clusterPart`): the missing facts of an open verdict without
    // declaration as kinds; a declaration proves an open verdict, contradicts a failing one.
    const v = this.verdict(s, land);
    const open = v >= VERDICT_OPEN;
    if (v === VERDICT_FALSE && decl !== 0) flags |= DECLARATION_CONFLICT;
    else if (open && decl !== 0) flags |= BY_DECLARATION;
    else if (open) {
      if (s === 0) out.push(kinds.geenComplex);
      else {
        if ((v & OPEN_ROOM) !== 0) out.push(kinds.ruimte);
        if ((v & OPEN_SHARE) !== 0) out.push(kinds.aandeel55);
      }
    }
    let slot = SLOT_NULTREDEN;
    if (v === VERDICT_TRUE || (open && decl !== 0)) {
      const facts = s === 0 ? null : this.complexes[s - 1];
      const zorg = ctx.zorgPart(access, facts === null ? null : facts.wlz, zelf, zp, decl);
      flags |= zorg.part.flags;
      for (let j = 0; j < zorg.part.kinds.length; j++) out.push(zorg.part.kinds[j]);
      slot = zorg.zorggeschikt ? -1 : SLOT_GECLUSTERD;
    }
    if (flags & DECLARATION_CONFLICT) out.push(kinds.woonvormTegenstrijdig);
    if (flags & BY_DECLARATION) out.push(kinds.woonvormBewijs);
    return this.newOutcome(slot, row);
  }

  /** The `clusterVerdictCode` of complex slot `s` (0: rows without complex, always open) for the
   * normal (`land` 0) or rural (1) size threshold; computed once. */
  private verdict(s: number, land: number): number {
    const k = s * 2 + land;
    let v = this.verdicts[k];
    if (v === 0) {
      v = s === 0 ? VERDICT_OPEN : clusterVerdictCode(this.complexes[s - 1], this.rules, land === 1);
      this.verdicts[k] = v;
    }
    return v;
  }

  /**
   * The outcome with id `k` (type, flags, reason, warnings): made when first asked for, from the
   * row it was first made for, by `Context.assemble` as the per-row pass would have made it;
   * the same object on every call. @param k an id from {@link Classifier.outcomeId}.
   */
  outcomeAt(k: number): Outcome {
    if (!(k >= 0 && k < this.outcomes)) throw new RangeError(`outcome ${k} of ${this.outcomes}`);
    // One slot per outcome, made at the first read (after the per-row pass: no outcome is added then).
    if (this.made.length < this.outcomes) this.made = this.made.concat(new Array(this.outcomes - this.made.length).fill(undefined));
    let o = this.made[k] ?? this.finals.get(k);
    if (o === undefined) {
      const ctx = this.ctx;
      const cols = this.cols;
      const i = this.outcomeRow[k];
      const s = this.rowComplex[i] + 1;
      let state = this.textStates.get(s);
      if (state === undefined) {
        state = complexState(s === 0 ? null : this.complexes[s - 1]);
        this.textStates.set(s, state);
      }
      const decl = this.useDeclared ? this.declOfCode[cols.text.woonvorm.codes[i]] : 0;
      const land = this.landOfCode[cols.text.gemeente.codes[i]];
      o = ctx.assemble(ctx.access(cols, i), state, decl, cols.zelfstandig[i], land, cols.zorgprofiel[i]);
      this.made[k] = o;
    }
    return o;
  }
}

/** One warning per complex with conflicting facts (capped), in first-seen order. */
function complexConflictIssues(complexes: ComplexFacts[]): Issue[] {
  const out: Issue[] = [];
  let rest = 0;
  for (let k = 0; k < complexes.length; k++) {
    const f = complexes[k];
    if (f.conflicts.length === 0) continue;
    if (out.length >= MAX_COMPLEX_ISSUES) {
      rest++;
      continue;
    }
    out.push(makeIssue("complex-tegenstrijdig", "waarschuwing", f.firstRow.sheet, null, complexConflictMessage(f)));
  }
  if (rest > 0) {
    out.push(makeIssue("complex-tegenstrijdig", "waarschuwing", null, null, moreComplexConflictsMessage(rest)));
  }
  return out;
}

/** A part's warnings: the complex's conflicts, then the part's own, as an array of exactly
 * that length (a push onto an empty array reserves room for 17). */
function warnings2(conflict: string | null, own: string | null): string[] {
  return conflict === null ? (own === null ? [] : [own]) : own === null ? [conflict] : [conflict, own];
}

/**
 * Joins parts into an outcome; reuses a part's warnings/kinds array when it is the only one.
 * The type, flags, slot and tally kinds are set at once; `reden` (the parts' texts joined by
 * "; ") and `warnings` (the parts' warnings in order, frozen) are made when first read and then
 * kept, so every read gives the same string and the same frozen array ({@link LazyOutcome}).
 */
function combine(
  bzk: BzkType, nultreden: boolean, geclusterd: boolean, zorggeschikt: boolean, p0: Part, p1: Part | null, p2: Part | null, kinds: ClassificationKinds,
): Outcome {
  let ks = NO_KINDS;
  let flags = 0;
  for (let k = 0; k < 3; k++) {
    const p = k === 0 ? p0 : k === 1 ? p1 : p2;
    if (p === null) continue;
    flags |= p.flags;
    if (p.kinds.length > 0) ks = ks.length === 0 ? p.kinds : [...ks, ...p.kinds];
  }
  if (flags !== 0) {
    ks = [...ks];
    if (flags & DECLARATION_CONFLICT) ks.push(kinds.woonvormTegenstrijdig);
    if (flags & BY_DECLARATION) ks.push(kinds.woonvormBewijs);
  }
  const slot = bzk === "regulier" ? SLOT_REGULIER : bzk === "nultreden" ? SLOT_NULTREDEN : bzk === "geclusterd" ? SLOT_GECLUSTERD : -1;
  return new LazyOutcome(bzk, nultreden, geclusterd, zorggeschikt, ks, slot, p0, p1, p2);
}

/**
 * The outcome {@link combine} makes: a class, so that every outcome shares one shape (the per-row
 * pass reads `id`, `slot` and `kinds` through it) and is made without a runtime call (own
 * accessors per object, `Object.defineProperties`, cost about 3 µs per outcome: more than the
 * texts). `reden` and `warnings` are getters of the class, not own properties: read them by name
 * (as `ClassifiedDwelling`'s getters and the reports do); a spread copy or `JSON.stringify` of an
 * outcome does not have them. Its parts (one to three: nultreden, geclusterd, zorggeschikt) are
 * fields, not an array: one object fewer per outcome for the collector to copy.
 */
class LazyOutcome implements Outcome {
  private redenText: string | undefined = undefined;
  private warningList: string[] | undefined = undefined;

  constructor(
    public bzk: BzkType | "onbekend",
    readonly nultreden: boolean,
    readonly geclusterd: boolean,
    readonly zorggeschikt: boolean,
    readonly kinds: TallyKind[],
    public slot: number,
    private readonly p0: Part,
    private readonly p1: Part | null,
    private readonly p2: Part | null,
  ) {}

  /** The parts in order (an array made when a text is first read). */
  private parts(): Part[] {
    return this.p1 === null ? [this.p0] : this.p2 === null ? [this.p0, this.p1] : [this.p0, this.p1, this.p2];
  }

  get reden(): string {
    return (this.redenText ??= joinReden(this.parts()));
  }

  get warnings(): string[] {
    return (this.warningList ??= joinWarnings(this.parts()));
  }
}

/** The parts' texts joined by "; ", in order. */
function joinReden(parts: Part[]): string {
  let reden = parts[0].text;
  for (let i = 1; i < parts.length; i++) reden += "; " + parts[i].text;
  return reden;
}

/** The parts' warnings in order, frozen: a part's own array when it is the only part with any. */
function joinWarnings(parts: Part[]): string[] {
  let warnings = NO_WARNINGS;
  for (const p of parts) {
    if (p.warnings.length > 0) warnings = warnings.length === 0 ? p.warnings : [...warnings, ...p.warnings];
  }
  if (!Object.isFrozen(warnings)) Object.freeze(warnings);
  return warnings;
}

/** Entries of the dense access cache (`Context.accessCache`) at most: 65,536, labels × 24, so
 * up to 2,730 label texts (a real label column has a handful); above it a Map, so that a column
 * of free text (up to a million texts) does not cost an array of 25 million entries (200 MB) in
 * each of the four classifications of an analysis. */
const ACCESS_CACHE_DENSE_MAX = 1 << 16;

/** Per-run lookup tables and caches derived from the rules. */
class Context {
  private readonly judge: AccessibilityJudge;
  /** Access infos by integer key (a dense range: labels × 3 scales × 8 BAT slots), made at its
   * full size (an array grown by stores at scattered keys had another elements kind in a second
   * classification, whose compiled lookup V8 then threw away for the "wrong map"); null when that
   * range is above {@link ACCESS_CACHE_DENSE_MAX} (a label column of free text), then `accessMap`. */
  private readonly accessCache: (AccessInfo | undefined)[] | null;
  /** Access infos by integer key when the range is too large for `accessCache`, else null. */
  private readonly accessMap: Map<number, AccessInfo> | null;
  private readonly landelijk: Set<string>;
  private readonly landelijkCache = new Map<string, boolean>();
  private readonly fallbackScale: BatScale | null;
  private readonly problemKinds: Record<AccessProblem, TallyKind>;
  private readonly missingKinds: Record<MissingClusterFact, TallyKind>;

  /** @param labels the number of label codes of the columns (their table of texts, null included). */
  constructor(
    private readonly rules: Rules,
    private readonly kinds: ClassificationKinds,
    labels: number,
  ) {
    const keys = labels * 3 * 8;
    this.accessCache = keys <= ACCESS_CACHE_DENSE_MAX ? new Array<AccessInfo | undefined>(keys).fill(undefined) : null;
    this.accessMap = this.accessCache === null ? new Map() : null;
    this.judge = new AccessibilityJudge(rules);
    this.landelijk = new Set(rules.geclusterd.landelijkeGemeenten.map(gemeenteKey));
    this.fallbackScale = rules.batSchaal === "auto" ? null : rules.batSchaal;
    this.problemKinds = { "bat-ongeldig": kinds.batOngeldig, "label-onbekend": kinds.labelOnbekend, "bat-label-tegenstrijdig": kinds.batLabel };
    this.missingKinds = { ontmoetingsruimte: kinds.ruimte, aandeel55plus: kinds.aandeel55 };
  }

  /** Accessibility of row `i`'s (BAT, scale, label), cached by an integer key. */
  access(cols: StockColumns, i: number): AccessInfo {
    const bat = cols.num.bat[i];
    let batIdx: number;
    if (bat !== bat) batIdx = 6;
    else if (bat === 0 || bat === 1 || bat === 2 || bat === 3 || bat === 4 || bat === 5) batIdx = bat;
    else return this.computeAccess(cols, i, -1);
    const ownScale = cols.batScale[i];
    // Scale codes as the key's: 0 unknown, 1 limburg, 2 vera.
    const scaleIdx = ownScale !== 0 ? ownScale : this.fallbackScale === null ? 0 : this.fallbackScale === "limburg" ? 1 : 2;
    // The label's text code: 0 none, else 1 + its index in order of first appearance.
    const labelIdx = cols.text.toegankelijkheidslabel.codes[i];
    const key = accessKey({ label: labelIdx, scale: scaleIdx, bat: batIdx });
    const dense = this.accessCache;
    let a = dense !== null ? dense[key] : this.accessMap!.get(key);
    if (a === undefined) {
      a = this.computeAccess(cols, i, key);
      if (dense !== null) dense[key] = a;
      else this.accessMap!.set(key, a);
    }
    return a;
  }

  private computeAccess(cols: StockColumns, i: number, key: number): AccessInfo {
    const j = this.judge.judge(cols.bat(i), cols.batScaleAt(i) ?? this.fallbackScale, cols.textAt("toegankelijkheidslabel", i));
    return {
      key,
      nultreden: j.nultreden,
      zorg: j.zorg,
      nText: j.nText,
      zText: j.zText,
      warnings: j.warnings.length === 0 ? NO_WARNINGS : j.warnings,
      kinds: j.problems.length === 0 ? NO_KINDS : j.problems.map((p) => this.problemKinds[p]),
      nParts: [undefined, undefined, undefined],
      finals: [undefined, undefined, undefined],
      finalIds: [-1, -1, -1],
      zorgParts: new Map(),
    };
  }

  /** Outcome of a dwelling that is not nultreden, or onbekend without declaration. */
  final(access: AccessInfo, decl: number): Outcome {
    let o: Outcome;
    if (access.nultreden === null) {
      o = combine(
        "regulier",
        false,
        false,
        false,
        part(
          redenText.onbekend(access.nText),
          [...access.warnings, redenText.onbekendWarning],
          [...access.kinds, this.kinds.bzkOnbekend],
        ),
        null,
        null,
        this.kinds,
      );
      o.bzk = "onbekend";
      o.slot = SLOT_ONBEKEND;
    } else if (decl === 0) {
      o = combine("regulier", false, false, false, part(access.nText, [...access.warnings], access.kinds), null, null, this.kinds);
    } else {
      const warning = redenText.declaredButNotNultreden(DECLARED[decl], access.nText);
      o = combine("regulier", false, false, false, part(access.nText, [...access.warnings, warning], access.kinds, DECLARATION_CONFLICT), null, null, this.kinds);
    }
    access.finals[decl] = o;
    return o;
  }

  isLandelijk(gemeente: string | null): boolean {
    if (gemeente === null || this.landelijk.size === 0) return false;
    let v = this.landelijkCache.get(gemeente);
    if (v === undefined) {
      v = this.landelijk.has(gemeenteKey(gemeente));
      this.landelijkCache.set(gemeente, v);
    }
    return v;
  }

  /** Nultreden part: proven by BAT/label, or (when unknown) by a declaration. */
  nPart(access: AccessInfo, decl: number): Part {
    let p = access.nParts[decl];
    if (p === undefined) {
      p =
        access.nultreden === true
          ? part(access.nText, [...access.warnings], access.kinds)
          : part(
              redenText.nultredenByDeclaration(access.nText, DECLARED[decl]),
              [...access.warnings],
              access.kinds,
              BY_DECLARATION,
            );
      access.nParts[decl] = p;
    }
    return p;
  }

  /** Complete outcome of a dwelling that is nultreden (proven or declared). */
  assemble(access: AccessInfo, state: ComplexState, decl: number, zelf: number, land: number, zp: number): Outcome {
    const nPart = this.nPart(access, decl);
    const c = this.cluster(state, land);
    const tri = c.geclusterd;
    const g = tri === true || (tri === null && decl !== 0);
    const gPart = this.clusterPart(c, decl);
    if (!g) return combine("nultreden", true, false, false, nPart, gPart, null, this.kinds);
    const wlz = state.facts === null ? null : state.facts.wlz;
    const zorg = this.zorgPart(access, wlz, zelf, zp, decl);
    return combine(zorg.zorggeschikt ? "zorggeschikt" : "geclusterd", true, true, zorg.zorggeschikt, nPart, gPart, zorg.part, this.kinds);
  }

  private cluster(state: ComplexState, land: number): ClusterInfo {
    let c = land === 0 ? state.cluster0 : state.cluster1;
    if (c === undefined) {
      const f = state.facts;
      if (f === null) {
        c = {
          geclusterd: null,
          verdict: { geclusterd: null, text: redenText.noComplex, why: [], failing: [], missing: [], missingText: ["complex"] },
          facts: null,
          landelijk: land === 1,
          part0: undefined,
          part1: undefined,
          part2: undefined,
          missing: [this.kinds.geenComplex],
          conflictWarning: null,
        };
      } else {
        // The texts only when the verdict is open: its missing facts are tally kinds.
        const tri = clusterVerdict(f, this.rules, land === 1);
        const verdict = tri === null ? judgeCluster(f, this.rules, land === 1) : null;
        c = {
          geclusterd: tri,
          verdict,
          facts: f,
          landelijk: land === 1,
          part0: undefined,
          part1: undefined,
          part2: undefined,
          missing: verdict === null ? NO_KINDS : verdict.missing.map((m) => this.missingKinds[m]),
          conflictWarning: undefined,
        };
      }
      if (land === 0) state.cluster0 = c;
      else state.cluster1 = c;
    }
    return c;
  }

  /** The verdict of `c` with its texts (`judgeCluster`), made on first use and kept. */
  private verdictOf(c: ClusterInfo): ClusterVerdict {
    return (c.verdict ??= judgeCluster(c.facts!, this.rules, c.landelijk));
  }

  /** The warning about `c`'s complex's conflicting facts, or null; made on first use and kept. */
  private conflictOf(c: ClusterInfo): string | null {
    if (c.conflictWarning === undefined) {
      const f = c.facts;
      c.conflictWarning = f !== null && f.conflicts.length > 0 ? redenText.complexConflictWarning(f.complex, f.conflicts) : null;
    }
    return c.conflictWarning;
  }

  /** The geclusterd part of a complex for a declaration; built once per complex and declaration,
   * its kinds and flags at once, its texts when first read ({@link LazyPart}). */
  private clusterPart(c: ClusterInfo, decl: number): Part {
    const cached = decl === 0 ? c.part0 : decl === 1 ? c.part1 : c.part2;
    if (cached !== undefined) return cached;
    const tri = c.geclusterd;
    const kinds = tri === null && decl === 0 ? c.missing : NO_KINDS;
    const flags = tri === true ? 0 : tri === false ? (decl !== 0 ? DECLARATION_CONFLICT : 0) : decl !== 0 ? BY_DECLARATION : 0;
    const p = new LazyPart(kinds, flags, this, c, decl);
    if (decl === 0) c.part0 = p;
    else if (decl === 1) c.part1 = p;
    else c.part2 = p;
    return p;
  }

  /** The texts of {@link clusterPart}: the reason step and the warnings (the complex's conflicts,
   * then the part's own). */
  clusterTexts(c: ClusterInfo, decl: number): PartTexts {
    const facts = c.facts;
    const v = this.verdictOf(c);
    const conflict = this.conflictOf(c);
    const code = DECLARED[decl];
    if (v.geclusterd === true) return { text: redenText.geclusterd(v.text), warnings: warnings2(conflict, null) };
    if (v.geclusterd === false) {
      const own = decl !== 0 ? redenText.declaredButNotGeclusterd(code, facts?.complex ?? "", v.failing) : null;
      return { text: redenText.nietGeclusterd(v.text, v.why), warnings: warnings2(conflict, own) };
    }
    if (decl !== 0) return { text: redenText.geclusterdByDeclaration(v.text, code, v.missingText), warnings: warnings2(conflict, null) };
    const own =
      facts === null
        ? redenText.noComplexWarning
        : redenText.geclusterdMissingWarning(facts.complex, v.missingText);
    return { text: redenText.geclusterdUndetermined(v.text), warnings: warnings2(conflict, own) };
  }

  /** The zorggeschikt part for a geclusterd dwelling; independent of the complex except for Wlz. */
  zorgPart(access: AccessInfo, wlzFact: Tri, zelf: number, zp: number, decl: number): { zorggeschikt: boolean; part: Part } {
    const key = zorgPartKey({ wlz: wlzFact === null ? 0 : wlzFact ? 1 : 2, zelfstandig: zelf, zorgprofiel: zp, declaration: decl });
    const cached = access.zorgParts.get(key);
    if (cached !== undefined) return cached;
    const zr = this.rules.zorggeschikt;
    const k = this.kinds;
    const texts: string[] = [access.zText];
    const failing: string[] = [];
    const missing: TallyKind[] = [];
    const missingText: string[] = [];
    if (access.zorg === false) failing.push(access.zText);
    else if (access.zorg === null) {
      missing.push(k.zorgBat);
      missingText.push(redenText.missingBat);
    }
    let wlz: Tri = true;
    if (zr.wlzVereist) {
      wlz = wlzFact;
      const t = redenText.wlz(wlz);
      texts.push(t);
      if (wlz === false) failing.push(t);
      else if (wlz === null) {
        missing.push(k.wlz);
        missingText.push(redenText.missingWlz);
      }
    }
    let own: Tri = true;
    if (zr.zelfstandigVereist && zelf === 2) {
      own = false;
      texts.push(redenText.nietZelfstandig);
      failing.push(redenText.nietZelfstandig);
    }
    const profile = redenText.profile(zp === 0 ? null : zp === 1 ? "SOM" : "PG");
    const tri = and3(access.zorg, wlz, own);
    const text = texts.join(", ");
    let result: { zorggeschikt: boolean; part: Part };
    if (tri === true) {
      result = { zorggeschikt: true, part: part(redenText.zorggeschikt(text, profile), NO_WARNINGS, zp === 0 ? [k.zorgprofielOnbekend] : NO_KINDS) };
    } else if (tri === false) {
      result =
        decl === 2
          ? { zorggeschikt: false, part: part(redenText.nietZorggeschikt(text), [redenText.declaredZwoButNot(failing)], NO_KINDS, DECLARATION_CONFLICT) }
          : { zorggeschikt: false, part: part(redenText.nietZorggeschikt(text)) };
    } else if (decl === 2) {
      result = {
        zorggeschikt: true,
        part: part(
          redenText.zorggeschiktByDeclaration(text, profile),
          NO_WARNINGS,
          zp === 0 ? [k.zorgprofielOnbekend] : NO_KINDS,
          BY_DECLARATION,
        ),
      };
    } else {
      result = {
        zorggeschikt: false,
        part: part(redenText.zorggeschiktUndetermined(text), [redenText.zorggeschiktMissingWarning(missingText)], missing),
      };
    }
    access.zorgParts.set(key, result);
    return result;
  }
}
