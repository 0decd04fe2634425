/**
 * Aanpassingspotentieel per dwelling (docs/handleiding.md §5): geschikt (already nultreden),
 * potentieel (can become nultreden with a light adaptation), ongeschikt, or onbekend.
 *
 * The dwelling's form (woonsoort, bouwlagen, lift, verdieping) comes from the `woningtype` text,
 * else from the VERA `eenheiddetailsoort` code via `rules.aanpassing.eenheiddetailsoorten`; the
 * explicit `lift` and `bouwlaag` columns win over what the text or code implies. The ordered,
 * editable rule table `rules.aanpassing.regels` then decides: the first matching rule wins.
 *
 * Unknown facts are handled exactly, never guessed: the rules are evaluated for every possible
 * value of each unknown fact; when all give the same outcome, that outcome holds ("ongeacht de
 * lift"); otherwise the dwelling is "onbekend" and the reason names the facts that matter.
 *
 * Dwellings whose accessibility is unknown (bzk "onbekend": no BAT, no label) are assessed on
 * their form as if not yet nultreden; the reason and an aggregated warning say so, since some of
 * them may already be geschikt.
 *
 * Sources: Companen's stock scan (geschikt / geschikt te maken /
 * ongeschikt; stairlift or ground-floor bedroom and bathroom; upper-floor flat without lift).
 */
import type { StockRow, StockShape, Woonsoort } from "./types";
import { classifiedStockOf, type Dwellings } from "./classified-stock";
import type { Issue, IssueCode } from "./issues";
import type { Rules } from "./rules";
import { parseWoningtype, type FormFromText } from "./woningvorm";
import { compareNullLast, formatLijst } from "./format";
import { IssueTally, type TallyKind } from "./tally";

/** Outcome per dwelling. */
export type Aanpassing = "geschikt" | "potentieel" | "ongeschikt" | "onbekend";

/** One row of the editable rule table; "*" matches any value, including an unknown one. */
export interface AdaptationRule {
  woonsoort: "grondgebonden" | "gestapeld" | "*";
  lagen: "1" | "meer" | "*";
  lift: "ja" | "nee" | "*";
  verdieping: "begane grond" | "hoger" | "*";
  uitkomst: "potentieel" | "ongeschikt";
  /** Dutch explanation, shown in the reason. */
  toelichting: string;
}

// Compile-time check that the interface and the zod schema in rules.ts describe the same shape.
type SchemaRule = Rules["aanpassing"]["regels"][number];
const _ruleShapeCheck: [AdaptationRule extends SchemaRule ? true : false, SchemaRule extends AdaptationRule ? true : false] = [true, true];
void _ruleShapeCheck;

/** Result per dwelling, in the order of the input. `reden` is Dutch. Shared between dwellings with
 * the same outcome and frozen: treat as read-only. */
export interface AdaptedDwelling {
  aanpassing: Aanpassing;
  reden: string;
}

/** Totals per gemeente × segment, in dwellings (sum of `aantal`). */
export interface AdaptationTotal {
  /** `row.gemeente`; null when unknown. */
  gebied: string | null;
  /** `row.segmentSoort ?? row.segment`; null when unknown. */
  segment: string | null;
  geschikt: number;
  potentieel: number;
  ongeschikt: number;
  onbekend: number;
}

/** The form of a dwelling as far as adaptation is concerned; null = unknown. */
export interface DwellingForm {
  woonsoort: Woonsoort | null;
  lagen: "1" | "meer" | null;
  lift: boolean | null;
  verdieping: "begane grond" | "hoger" | null;
}

/** The facts of a row that decide its form (woonsoort, lagen, lift, verdieping). */
type FormFacts = Pick<StockRow, "woningtype" | "eenheiddetailsoort" | "lift" | "bouwlaag">;

const EMPTY_FORM: FormFromText = Object.freeze({ woonsoort: null, lagen: null, lift: null, verdieping: null });

/** Caches of one rule set: parsed woningtype texts and eenheiddetailsoort codes. */
class FormResolver {
  private readonly texts = new Map<string, FormFromText>();
  private readonly codes = new Map<string, FormFromText>();
  private readonly table: Map<string, FormFromText>;

  constructor(rules: Rules) {
    this.table = new Map();
    for (const [code, e] of Object.entries(rules.aanpassing.eenheiddetailsoorten)) {
      this.table.set(code.trim().toUpperCase(), {
        woonsoort: e.woonsoort,
        lagen: e.lagen ?? null,
        lift: null,
        verdieping: e.verdieping ?? null,
      });
    }
  }

  private text(t: string): FormFromText {
    let f = this.texts.get(t);
    if (f === undefined) {
      f = parseWoningtype(t);
      this.texts.set(t, f);
    }
    return f;
  }

  private code(c: string): FormFromText {
    let f = this.codes.get(c);
    if (f === undefined) {
      // A code from the table, or the raw text when ingest could not map it to a code.
      f = this.table.get(c.trim().toUpperCase()) ?? parseWoningtype(c);
      this.codes.set(c, f);
    }
    return f;
  }

  /** The form, as an integer key: 3 values (0 = unknown) per fact, 81 keys in all. */
  key(row: FormFacts): number {
    const t = row.woningtype === null ? EMPTY_FORM : this.text(row.woningtype);
    const c = row.eenheiddetailsoort === null ? EMPTY_FORM : this.code(row.eenheiddetailsoort);
    const ws = t.woonsoort ?? c.woonsoort;
    const agree = c.woonsoort !== null && c.woonsoort === ws;
    const lagen = t.lagen ?? (agree ? c.lagen : null);
    const lift = row.lift ?? t.lift ?? (agree ? c.lift : null);
    let verd: "begane grond" | "hoger" | null;
    if (row.bouwlaag !== null && row.bouwlaag >= 0) verd = row.bouwlaag === 0 ? "begane grond" : "hoger";
    else verd = t.verdieping ?? (agree ? c.verdieping : null) ?? (ws === "grondgebonden" ? "begane grond" : null);
    return (
      (ws === null ? 0 : ws === "grondgebonden" ? 1 : 2) * 27 +
      (lagen === null ? 0 : lagen === "1" ? 1 : 2) * 9 +
      (lift === null ? 0 : lift ? 1 : 2) * 3 +
      (verd === null ? 0 : verd === "begane grond" ? 1 : 2)
    );
  }
}

const WOONSOORTEN = [null, "grondgebonden", "gestapeld"] as const;
const LAGEN = [null, "1", "meer"] as const;
const LIFT = [null, true, false] as const;
const VERDIEPING = [null, "begane grond", "hoger"] as const;

function formOfKey(key: number): DwellingForm {
  return {
    woonsoort: WOONSOORTEN[Math.floor(key / 27)],
    lagen: LAGEN[Math.floor(key / 9) % 3],
    lift: LIFT[Math.floor(key / 3) % 3],
    verdieping: VERDIEPING[key % 3],
  };
}

/** Resolvers per rule set, rebuilt when the eenheiddetailsoorten table is replaced. */
const resolvers = new WeakMap<Rules, { table: object; resolver: FormResolver }>();
function resolverFor(rules: Rules): FormResolver {
  const table = rules.aanpassing.eenheiddetailsoorten;
  let r = resolvers.get(rules);
  if (r === undefined || r.table !== table) {
    r = { table, resolver: new FormResolver(rules) };
    resolvers.set(rules, r);
  }
  return r.resolver;
}

/**
 * The form of a dwelling: woonsoort and bouwlagen from the `woningtype` text, else from the
 * `eenheiddetailsoort` code (rules table, or the text itself when it is not a code); `lift` and
 * `bouwlaag` columns (0 = begane grond, > 0 = hoger) win over what text or code imply; a
 * grondgebonden dwelling has its entrance on the ground floor unless `bouwlaag` says otherwise.
 * Where woningtype and eenheiddetailsoort disagree on the woonsoort, woningtype wins.
 * @returns every fact, or null when it cannot be read. Never throws.
 */
export function describeDwellingForm(row: StockRow, rules: Rules): DwellingForm {
  return formOfKey(resolverFor(rules).key(row));
}

/** Bits of the facts that decided an "onbekend" outcome. */
const FACT_WOONSOORT = 1;
const FACT_LAGEN = 2;
const FACT_LIFT = 4;
const FACT_VERDIEPING = 8;
const FACT_NAMES: [number, string][] = [
  [FACT_WOONSOORT, "woonsoort"],
  [FACT_LAGEN, "aantal bouwlagen"],
  [FACT_LIFT, "lift"],
  [FACT_VERDIEPING, "verdieping"],
];

interface RuleOutcome {
  aanpassing: Exclude<Aanpassing, "geschikt">;
  reden: string;
  /** FACT_* bits of the unknown facts that change the outcome; 0 when decided. */
  decisive: number;
  /** True when no rule matches at all. */
  noRule: boolean;
}

/** First matching rule for a fully known form; -1 when none matches. */
function firstMatch(rules: readonly AdaptationRule[], ws: number, lagen: number, lift: number, verd: number): number {
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    if (r.woonsoort !== "*" && r.woonsoort !== WOONSOORTEN[ws]) continue;
    if (r.lagen !== "*" && r.lagen !== LAGEN[lagen]) continue;
    if (r.lift !== "*" && (r.lift === "ja") !== LIFT[lift]) continue;
    if (r.verdieping !== "*" && r.verdieping !== VERDIEPING[verd]) continue;
    return i;
  }
  return -1;
}

/** Whether rule `r` conditions on fact `i` (0 woonsoort, 1 lagen, 2 lift, 3 verdieping) while its
 * conditions on the known facts of form `f` (values as in the form key) hold. */
function asksAbout(r: AdaptationRule, i: number, f: number[]): boolean {
  const conds = [r.woonsoort, r.lagen, r.lift, r.verdieping];
  if (conds[i] === "*") return false;
  const known = [WOONSOORTEN[f[0]], LAGEN[f[1]], LIFT[f[2]] === null ? null : LIFT[f[2]] ? "ja" : "nee", VERDIEPING[f[3]]];
  for (let j = 0; j < 4; j++) {
    if (j === i || known[j] === null || conds[j] === "*") continue;
    if (conds[j] !== known[j]) return false;
  }
  return true;
}

/** Evaluates the rule table for a form key, trying every value of each unknown fact. */
function evaluateForm(rules: readonly AdaptationRule[], key: number): RuleOutcome {
  const f = [Math.floor(key / 27), Math.floor(key / 9) % 3, Math.floor(key / 3) % 3, key % 3];
  const options = f.map((v) => (v === 0 ? [1, 2] : [v]));
  // outcomes per combination: rule index (-1 = none), keyed by the 4 values
  const combos: { v: number[]; rule: number }[] = [];
  for (const a of options[0]) for (const b of options[1]) for (const c of options[2]) for (const d of options[3]) {
    combos.push({ v: [a, b, c, d], rule: firstMatch(rules, a, b, c, d) });
  }
  const result = (i: number) => (i < 0 ? "geen" : rules[i].uitkomst);
  const first = result(combos[0].rule);
  const same = combos.every((c) => result(c.rule) === first);
  const known: string[] = [];
  const form = formOfKey(key);
  if (form.woonsoort !== null) known.push(form.woonsoort);
  if (form.lagen !== null) known.push(form.lagen === "1" ? "1 bouwlaag" : "meer bouwlagen");
  if (form.lift !== null) known.push(form.lift ? "met lift" : "zonder lift");
  if (form.verdieping !== null && !(form.woonsoort === "grondgebonden" && form.verdieping === "begane grond")) {
    known.push(form.verdieping);
  }
  const formText = known.length ? known.join(", ") : "woningvorm onbekend";

  if (same && first !== "geen") {
    // Name only the unknown facts that some applicable rule asks about.
    const unknown = FACT_NAMES.filter((_, i) => f[i] === 0 && rules.some((r) => asksAbout(r, i, f))).map(([, name]) => name);
    const oneRule = combos.every((c) => c.rule === combos[0].rule);
    const toelichting = oneRule ? rules[combos[0].rule].toelichting : "";
    const regardless = unknown.length ? ` (ongeacht ${formatLijst(unknown, "en")})` : "";
    return {
      aanpassing: first,
      reden: `${formText}: ${first}${regardless}${toelichting ? `; ${toelichting}` : ""}`,
      decisive: 0,
      noRule: false,
    };
  }
  // Which unknown facts change the outcome?
  let decisive = 0;
  for (let i = 0; i < 4; i++) {
    if (f[i] !== 0) continue;
    for (const c of combos) {
      if (c.v[i] !== 1) continue;
      const other = combos.find((o) => o.v[i] === 2 && o.v.every((x, j) => j === i || x === c.v[j]));
      if (other && result(other.rule) !== result(c.rule)) {
        decisive |= FACT_NAMES[i][0];
        break;
      }
    }
  }
  if (decisive === 0) {
    return { aanpassing: "onbekend", reden: `${formText}: geen regel van toepassing`, decisive: 0, noRule: true };
  }
  const names = FACT_NAMES.filter(([bit]) => decisive & bit).map(([, name]) => name);
  return {
    aanpassing: "onbekend",
    reden: `${formText}: aanpassingspotentieel niet te bepalen (${formatLijst(names)} onbekend)`,
    decisive,
    noRule: false,
  };
}

/** The hints of the "onbekend" kinds for a cross table woningtype × huurklasse: it has no
 * columns to add, so say what its row labels or another table must give. */
function crossTableHints(kinds: Record<"woonsoort" | "lagen" | "lift" | "verdieping" | "batOnbekend", TallyKind>): void {
  kinds.woonsoort.text = "aanpassingspotentieel onbekend omdat het woningtype van de rij in de kruistabel niet wordt herkend";
  kinds.woonsoort.hint = "Noem in de rij het woningtype, bijvoorbeeld grondgebonden, gestapeld met lift of gestapeld zonder lift.";
  kinds.lift.text = "aanpassingspotentieel onbekend omdat het woningtype in de kruistabel niets over een lift zegt";
  kinds.lift.hint = "Zet 'met lift' of 'zonder lift' in het woningtype van de rij.";
  kinds.verdieping.text = "aanpassingspotentieel onbekend omdat de kruistabel niet zegt op welke verdieping de woningen liggen " +
    "(op de begane grond potentieel geschikt, hoger zonder lift ongeschikt)";
  kinds.verdieping.hint = "Splits de rij, als de cijfers er zijn, in 'begane grond' en de verdiepingen erboven, of gebruik een voorraad per woning met de bouwlaag.";
  kinds.batOnbekend.hint = "Een kruistabel heeft geen BAT-scores; met een voorraad per woning met BAT-score en woningtype wordt de beoordeling preciezer.";
}

/**
 * Assesses every classified dwelling and totals the outcome per gemeente × segment.
 *
 * @param dwellings the classified stock (`classifyStock(...).classified`, typed arrays), or its dwellings as an array.
 * @param rules the rule set (`rules.aanpassing`).
 * @param options the kind of table the rows come from (message wording only).
 * @returns `perDwelling`: one entry per dwelling, same order; `totals`: dwellings (sum of
 *   `aantal`) per (gebied = gemeente, segment = segmentSoort ?? segment), null groups kept,
 *   sorted by gebied then segment (Dutch collation, null last); `issues`: aggregated warnings
 *   (one per missing fact, with counts and example rows) for "onbekend" outcomes, and one for
 *   dwellings assessed without known accessibility. Never throws on data.
 */
export function assessAdaptation(
  dwellings: Dwellings,
  rules: Rules,
  options: StockShape = {},
): { perDwelling: AdaptedDwelling[]; totals: AdaptationTotal[]; issues: Issue[] } {
  const resolver = new FormResolver(rules);
  const regels = rules.aanpassing.regels;
  const cache: (RuleOutcome | undefined)[] = new Array(81);
  // Results are shared between dwellings with the same outcome (frozen; one object per outcome,
  // not per dwelling: a million-row stock would otherwise hold a million of them).
  const geschiktResult = new Map<string, AdaptedDwelling>();
  const formResult = new Map<RuleOutcome, AdaptedDwelling>();
  const batOnbekendResult = new Map<RuleOutcome, AdaptedDwelling>();
  const presence = { vorm: false, lift: false, bouwlaag: false };

  const kinds = {
    woonsoort: kind("aanpassing-woonsoort-onbekend"),
    lagen: kind("aanpassing-bouwlagen-onbekend"),
    lift: kind("aanpassing-lift-onbekend"),
    verdieping: kind("aanpassing-verdieping-onbekend"),
    geenRegel: kind("aanpassing-geen-regel"),
    batOnbekend: kind("aanpassing-bat-onbekend"),
  };
  const tally = new IssueTally();
  const handle = {
    woonsoort: tally.handle(kinds.woonsoort), lagen: tally.handle(kinds.lagen), lift: tally.handle(kinds.lift),
    verdieping: tally.handle(kinds.verdieping), geenRegel: tally.handle(kinds.geenRegel), batOnbekend: tally.handle(kinds.batOnbekend),
  };

  const stock = classifiedStockOf(dwellings);
  const { rows } = stock;
  const perDwelling: AdaptedDwelling[] = new Array(rows.length);
  const groups = new Map<string | null, Map<string | null, AdaptationTotal>>();

  // The facts the form and the totals need, read from the columns into one reused record; a
  // whole row is made only for an issue's examples (`tally.addAt`).
  const row: FormFacts & Pick<StockRow, "gemeente" | "segment" | "segmentSoort" | "aantal"> = {
    woningtype: null, eenheiddetailsoort: null, lift: null, bouwlaag: null, gemeente: null, segment: null, segmentSoort: null, aantal: 0,
  };
  for (let i = 0; i < rows.length; i++) {
    row.woningtype = rows.textAt("woningtype", i);
    row.eenheiddetailsoort = rows.textAt("eenheiddetailsoort", i);
    row.lift = rows.liftAt(i);
    row.bouwlaag = rows.bouwlaagAt(i);
    row.gemeente = rows.textAt("gemeente", i);
    row.segment = rows.textAt("segment", i);
    row.segmentSoort = rows.segmentSoortAt(i);
    row.aantal = rows.aantal[i];
    if (row.woningtype !== null || row.eenheiddetailsoort !== null) presence.vorm = true;
    if (row.lift !== null) presence.lift = true;
    if (row.bouwlaag !== null) presence.bouwlaag = true;

    let result: AdaptedDwelling;
    const bzk = stock.bzk(i);
    if (stock.nultreden(i)) {
      let shared = geschiktResult.get(bzk);
      if (shared === undefined) {
        shared = Object.freeze({ aanpassing: "geschikt", reden: `al nultreden (BZK-type ${bzk}): geschikt` }) as AdaptedDwelling;
        geschiktResult.set(bzk, shared);
      }
      result = shared;
    } else {
      const key = resolver.key(row);
      let o = cache[key];
      if (o === undefined) {
        o = evaluateForm(regels, key);
        cache[key] = o;
      }
      if (bzk === "onbekend") {
        let r = batOnbekendResult.get(o);
        if (r === undefined) {
          r = Object.freeze({ aanpassing: o.aanpassing, reden: `BAT-score en label onbekend, beoordeeld als nog niet nultreden; ${o.reden}` }) as AdaptedDwelling;
          batOnbekendResult.set(o, r);
        }
        result = r;
        if (o.aanpassing !== "onbekend") tally.addAt(handle.batOnbekend, rows, i);
      } else {
        let r = formResult.get(o);
        if (r === undefined) {
          r = Object.freeze({ aanpassing: o.aanpassing, reden: o.reden }) as AdaptedDwelling;
          formResult.set(o, r);
        }
        result = r;
      }
      if (o.aanpassing === "onbekend") {
        if (o.noRule) tally.addAt(handle.geenRegel, rows, i);
        if (o.decisive & FACT_WOONSOORT) tally.addAt(handle.woonsoort, rows, i);
        if (o.decisive & FACT_LAGEN) tally.addAt(handle.lagen, rows, i);
        if (o.decisive & FACT_LIFT) tally.addAt(handle.lift, rows, i);
        if (o.decisive & FACT_VERDIEPING) tally.addAt(handle.verdieping, rows, i);
      }
    }
    perDwelling[i] = result;

    const gebied = row.gemeente;
    const segment = row.segmentSoort ?? row.segment;
    let bySegment = groups.get(gebied);
    if (bySegment === undefined) {
      bySegment = new Map();
      groups.set(gebied, bySegment);
    }
    let total = bySegment.get(segment);
    if (total === undefined) {
      total = { gebied, segment, geschikt: 0, potentieel: 0, ongeschikt: 0, onbekend: 0 };
      bySegment.set(segment, total);
    }
    total[result.aanpassing] += row.aantal;
  }

  kinds.woonsoort.text = presence.vorm
    ? "aanpassingspotentieel onbekend omdat woningtype of eenheiddetailsoort leeg is of niet wordt herkend"
    : "aanpassingspotentieel onbekend omdat de kolommen 'woningtype' en 'eenheiddetailsoort' ontbreken";
  kinds.lagen.text = "aanpassingspotentieel onbekend omdat het aantal bouwlagen niet uit woningtype of eenheiddetailsoort blijkt";
  kinds.lift.text = presence.lift
    ? "aanpassingspotentieel onbekend omdat niet bekend is of er een lift is"
    : "aanpassingspotentieel onbekend omdat de kolom 'lift' ontbreekt en het woningtype niets over een lift zegt";
  kinds.verdieping.text = presence.bouwlaag
    ? "aanpassingspotentieel onbekend omdat de bouwlaag niet is ingevuld"
    : "aanpassingspotentieel onbekend omdat de kolom 'bouwlaag' ontbreekt en het woningtype de verdieping niet noemt";
  kinds.geenRegel.text = "aanpassingspotentieel onbekend omdat geen aanpassingsregel van toepassing is; vul de regeltabel aan";
  kinds.woonsoort.hint = presence.vorm
    ? "Vul woningtype of eenheiddetailsoort in (bijvoorbeeld eengezins, galerijflat of TUS)."
    : "Voeg een kolom 'woningtype' of 'eenheiddetailsoort' toe, of wijs die aan als hij anders heet.";
  kinds.lagen.hint = "Vul een woningtype of eenheiddetailsoort in waaruit het aantal bouwlagen blijkt.";
  kinds.lift.hint = presence.lift ? "Vul de kolom 'lift' in (ja/nee)." : "Voeg een kolom 'lift' (ja/nee) toe.";
  kinds.verdieping.hint = presence.bouwlaag ? "Vul de bouwlaag in (0 = begane grond)." : "Voeg een kolom 'bouwlaag' toe.";
  kinds.batOnbekend.hint = "Vul de BAT-score in voor een betere beoordeling.";
  if (options.kruistabel) crossTableHints(kinds);
  kinds.batOnbekend.text =
    "zonder BAT-score of toegankelijkheidslabel beoordeeld op de woningvorm alsof ze nog niet nultreden zijn; een deel kan al geschikt zijn";

  const totals: AdaptationTotal[] = [];
  for (const bySegment of groups.values()) for (const t of bySegment.values()) totals.push(t);
  totals.sort((a, b) => compareNullLast(a.gebied, b.gebied) || compareNullLast(a.segment, b.segment));
  return { perDwelling, totals, issues: tally.toIssues() };
}

function kind(code: IssueCode): TallyKind {
  return { code, severity: "waarschuwing", text: "" };
}
