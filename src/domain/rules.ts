/**
 * The classification, tekort and aanpassingspotentieel rules as one validated data structure.
 *
 * Users edit this as JSON (task pane, CLI `--regels regels.json`), so keys are Dutch. Every field
 * has a documented default; `RulesSchema.parse({})` yields the complete default rule set.
 * Unknown keys are rejected (a misspelt key would otherwise be ignored silently).
 *
 * Sources of the defaults:
 * - BZK/VWS definitions of the housing types for older people, 21 September 2023 (quoted in the
 *   Provincie Limburg inventory of woonzorgvisies, appendix 3).
 * - Gemeente Kerkrade, Lokaal meerjarig kader prestatieafspraken 2021-2025: nultreden means "at
 *   least walking-stick suitable", BAT ≥ 1 on the Limburg scale.
 * - Aedes VERA referentiedata: BATSCORE, TOEGANKELIJKHEIDSLABEL, WOONVORM (GEC, ZWO),
 *   EENHEIDDETAILSOORT.
 * As users read them: docs/handleiding.md §4 (the rules and their sources).
 */
import { z } from "zod";
import { formatLijst, formatPercentage } from "./format";

/** Condition values of one adaptation rule; "*" matches any value, including an unknown one. */
const AdaptationRuleSchema = z.strictObject({
  woonsoort: z.enum(["grondgebonden", "gestapeld", "*"]).default("*"),
  lagen: z.enum(["1", "meer", "*"]).default("*"),
  lift: z.enum(["ja", "nee", "*"]).default("*"),
  verdieping: z.enum(["begane grond", "hoger", "*"]).default("*"),
  uitkomst: z.enum(["potentieel", "ongeschikt"]),
  toelichting: z.string().default(""),
});

/** What a VERA EENHEIDDETAILSOORT code says about the form of a dwelling. `verdieping` is an
 * addition to the brief: BEN (benedenwoning) is on the ground floor, BOV (bovenwoning) above it. */
const DetailsoortSchema = z.strictObject({
  woonsoort: z.enum(["grondgebonden", "gestapeld"]),
  lagen: z.enum(["1", "meer"]).optional(),
  verdieping: z.enum(["begane grond", "hoger"]).optional(),
});

/**
 * Default adaptation rules (docs/handleiding.md §5; common methods, such as Companen's and ABF's,
 * call a house adaptable when a stairlift or a ground-floor bedroom and bathroom
 * fixes it, and an upper-floor flat without lift unsuitable). Order matters: the first matching
 * rule decides.
 */
const DEFAULT_ADAPTATION_RULES: z.input<typeof AdaptationRuleSchema>[] = [
  {
    woonsoort: "grondgebonden", lagen: "1", lift: "*", verdieping: "*", uitkomst: "potentieel",
    toelichting: "grondgebonden woning met één bouwlaag: met een lichte aanpassing (drempels, badkamer) nultreden te maken",
  },
  {
    woonsoort: "grondgebonden", lagen: "meer", lift: "*", verdieping: "*", uitkomst: "potentieel",
    toelichting: "grondgebonden woning met meer bouwlagen: traplift of slaapkamer en badkamer op de begane grond",
  },
  {
    woonsoort: "gestapeld", lagen: "*", lift: "ja", verdieping: "*", uitkomst: "potentieel",
    toelichting: "gestapelde woning met lift: entree en drempels aan te passen",
  },
  {
    woonsoort: "gestapeld", lagen: "*", lift: "nee", verdieping: "begane grond", uitkomst: "potentieel",
    toelichting: "gestapelde woning zonder lift op de begane grond: entree en drempels aan te passen",
  },
  {
    woonsoort: "gestapeld", lagen: "*", lift: "nee", verdieping: "hoger", uitkomst: "ongeschikt",
    toelichting: "gestapelde woning zonder lift boven de begane grond: niet met een lichte aanpassing nultreden te maken",
  },
];

/**
 * Default dwelling forms of the VERA EENHEIDDETAILSOORT woning codes (source: VERA code list
 * EENHEIDDETAILSOORT; EGW codes are eengezinswoningen, MGW codes meergezinswoningen).
 * Eengezinswoningen have more than one storey, except woonwagen (WOW) and tiny house (TIN).
 */
const DEFAULT_DETAILSOORTEN: Record<string, z.input<typeof DetailsoortSchema>> = {
  TUS: { woonsoort: "grondgebonden", lagen: "meer" }, // tussenwoning
  HOE: { woonsoort: "grondgebonden", lagen: "meer" }, // hoekwoning
  EIN: { woonsoort: "grondgebonden", lagen: "meer" }, // eindwoning
  TWE: { woonsoort: "grondgebonden", lagen: "meer" }, // twee-onder-een-kapwoning
  GTW: { woonsoort: "grondgebonden", lagen: "meer" }, // geschakelde twee-onder-een-kapwoning
  GWO: { woonsoort: "grondgebonden", lagen: "meer" }, // geschakelde woning
  HAL: { woonsoort: "grondgebonden", lagen: "meer" }, // half vrijstaande woning
  VRI: { woonsoort: "grondgebonden", lagen: "meer" }, // vrijstaande woning
  HER: { woonsoort: "grondgebonden", lagen: "meer" }, // herenhuis
  KNG: { woonsoort: "grondgebonden", lagen: "meer" }, // kangoeroewoning
  PRW: { woonsoort: "grondgebonden", lagen: "meer" }, // praktijkwoning
  WOW: { woonsoort: "grondgebonden", lagen: "1" }, // woonwagen
  TIN: { woonsoort: "grondgebonden", lagen: "1" }, // tiny house
  BEN: { woonsoort: "gestapeld", verdieping: "begane grond" }, // benedenwoning
  BOV: { woonsoort: "gestapeld", verdieping: "hoger" }, // bovenwoning
  POF: { woonsoort: "gestapeld" }, // portiekflat
  POW: { woonsoort: "gestapeld" }, // portiekwoning
  GAL: { woonsoort: "gestapeld" }, // galerijflat
  COR: { woonsoort: "gestapeld" }, // corridorflat
  MAI: { woonsoort: "gestapeld" }, // maisonnette
  KAM: { woonsoort: "gestapeld" }, // kamer (onzelfstandig)
};

/** Upper-case, trimmed code strings (labels are compared with the upper-case VERA codes). */
const codeList = (defaults: string[]) => z.array(z.string().trim().toUpperCase()).default(defaults);

/**
 * Zod schema of the rules. Parse user JSON with `parseRules` (Dutch messages) rather than with
 * this schema directly. Units: BAT levels on their own scale, counts in dwellings, shares as
 * fractions 0..1.
 */
export const RulesSchema = z.strictObject({
  /** Which BAT scale the stock uses when ingest cannot tell; "auto" = detect from the codes. */
  batSchaal: z.enum(["auto", "limburg", "vera"]).default("auto"),

  nultreden: z
    .strictObject({
      /** Kerkrade kader 2021-2025: nultreden = minstens wandelstokgeschikt = BAT ≥ 1 (strict reading: 2). */
      limburgMinBat: z.number().int().min(0).max(4).default(1),
      /** VERA BAT1 Nultrapswoning already meets the nultreden criteria. */
      veraMinBat: z.number().int().min(1).max(5).default(1),
      /** VERA labels that are nultreden by their definition: NUL, ROA, ROL, RUI. Not: ZON, GNV,
       * ROG, and not the withdrawn GEL ("voldoet niet per definitie aan het criterium nultredenwoning"). */
      labels: codeList(["NUL", "ROA", "ROL", "RUI"]),
    })
    .prefault({}),

  geclusterd: z
    .strictObject({
      /** BZK 21-09-2023: at least 12 dwellings. */
      minWoningen: z.number().int().min(1).default(12),
      /** Gemeenten where the rural lower bound applies (BZK: "may be lower in rural areas"). */
      landelijkeGemeenten: z.array(z.string().trim()).default([]),
      /** Lower bound for rural gemeenten; the user lowers it (BZK gives no number). */
      minWoningenLandelijk: z.number().int().min(1).default(12),
      /** BZK requires an indoor room; VERA GEC also accepts a room adjoining the building. */
      ontmoetingsruimteAangrenzendTelt: z.boolean().default(false),
      /** BZK 21-09-2023: at least 50% occupied by people aged 55+. */
      minAandeel55plus: z.number().min(0).max(1).default(0.5),
      /** When the 55+ share is unknown, use the share of dwellings labelled 55+ (docs/handleiding.md §4). */
      label55plusAlsAandeelOnbekend: z.boolean().default(true),
    })
    .prefault({}),

  zorggeschikt: z
    .strictObject({
      /** BZK: rollator- or wheelchair-suitable; Limburg BAT 2 = rollatorbewoonbaar. */
      limburgMinBat: z.number().int().min(0).max(4).default(2),
      /** VERA BAT2/BAT3 are only "bezoekbaar"; BAT4 Rolstoel woonbaar is the first livable class. */
      veraMinBat: z.number().int().min(1).max(5).default(4),
      /** VERA labels ROA (rollator), ROL (rolstoel), RUI (extra ruime rolstoel). */
      labels: codeList(["ROA", "ROL", "RUI"]),
      /** BZK: long-term care under the Wlz is delivered in the complex. */
      wlzVereist: z.boolean().default(true),
      /** BZK: a self-contained (zelfstandige) dwelling; an unknown value does not exclude. */
      zelfstandigVereist: z.boolean().default(true),
    })
    .prefault({}),

  /** "bewijs": declared VERA woonvorm GEC/ZWO proves the type when the facts are unknown; when
   * known facts contradict it, the derived type wins with a warning. "negeren": ignore it. */
  woonvormGedeclareerd: z.enum(["bewijs", "negeren"]).default("bewijs"),

  aanbodtabel: z
    .strictObject({
      /** Parkstad Tabel 2: "regulier wonen" (117,250) includes the 29,313 nultreden dwellings. */
      regulierOmvatNultreden: z.boolean().default(true),
    })
    .prefault({}),

  aanpassing: z
    .strictObject({
      /** Ordered rule table; the first matching rule decides. */
      regels: z.array(AdaptationRuleSchema).default(() => DEFAULT_ADAPTATION_RULES.map((r) => AdaptationRuleSchema.parse(r))),
      /** Dwelling form per EENHEIDDETAILSOORT code (upper case). */
      eenheiddetailsoorten: z
        .record(z.string(), DetailsoortSchema)
        .default(() => {
          const out: Record<string, z.output<typeof DetailsoortSchema>> = {};
          for (const [k, v] of Object.entries(DEFAULT_DETAILSOORTEN)) out[k] = { ...v };
          return out;
        }),
    })
    .prefault({}),

  tekort: z
    .strictObject({
      /** Round tekort to a multiple of this in the sheets only (Kerkrade rounds to 5); null = never. */
      afronden: z.number().int().positive().nullable().default(null),
    })
    .prefault({}),

  /** Near misses that count as clustering potential (clustering.ts): a complex that meets every
   * geclusterd criterion but one, where that one is off by at most these margins. */
  clusteringspotentieel: z
    .strictObject({
      /** issue 6: "10-11 dwellings when the minimum is 12" → at most 2 dwellings short. */
      woningenMarge: z.number().int().min(0).default(2),
      /** issue 6: "45-49% 55+ when the minimum is 50%" → at most 5 percentage points short (fraction). */
      aandeel55plusMarge: z.number().min(0).max(1).default(0.05),
      /** Also list complexes whose one open criterion is unknown (to check), not only known misses. */
      onbekendMeetellen: z.boolean().default(true),
    })
    .prefault({}),

  /** Planned changes (plannen.ts): supply in a later year = supply now + changes up to that year. */
  plannen: z
    .strictObject({
      /** Year the stock describes; changes in this year or before are taken as already in the
       * stock and skipped. null = every change counts (the stock is the state before the first). */
      peiljaarVoorraad: z.number().int().min(1900).max(2200).nullable().default(null),
    })
    .prefault({}),

  /** Default what-if scenario (whatif.ts), shown in the result sheets and the JSON `watAls`. */
  watAls: z
    .strictObject({
      /** Percentage (0-100) of the potentieel dwellings made nultreden. Parkstad Toekomstvisie:
       * adapting even 10% of the potentially suitable stock removes most new-build need. */
      aanpassenPercentage: z.number().min(0).max(100).default(10),
      /** Percentage per segment (segment as in Aanpassingspotentieel, e.g. "huur"); overrides the above. */
      aanpassenPerSegment: z.record(z.string(), z.number().min(0).max(100)).default(() => ({})),
      /** Meeting rooms added to the best candidate complexes (clustering potential). */
      ontmoetingsruimten: z.number().int().min(0).default(0),
      /** Complexes (best care-potential candidates) where Wlz care starts. */
      wlzComplexen: z.number().int().min(0).default(0),
      /** Include the workbook's planned changes in the scenario (they are always in the baseline). */
      plannen: z.boolean().default(true),
    })
    .prefault({}),
});

/** The complete, validated rule set (output of `RulesSchema`). */
export type Rules = z.infer<typeof RulesSchema>;

/** The defaults: `RulesSchema.parse({})`. Treat as read-only; parse a copy to change rules. */
export const DEFAULT_RULES: Rules = RulesSchema.parse({});

/**
 * Validates user rules (parsed JSON, or JSON text) and fills in defaults for missing fields.
 * Never throws.
 * @param json the parsed JSON value, or a string holding JSON text.
 * @returns `{ ok: true, rules }`, or `{ ok: false, message }` with a plain Dutch message that
 *   names each wrong field, e.g. "De regels zijn ongeldig: regels.geclusterd.minWoningen: moet een geheel getal zijn.".
 * @example parseRules("{}") === { ok: true, rules: DEFAULT_RULES }; parseRules({ geclusterd: { minWoningen: 2.5 } }).message ===
 *   "De regels zijn ongeldig: regels.geclusterd.minWoningen: moet een geheel getal zijn.";
 *   parseRules("{").ok === false
 */
export function parseRules(json: unknown): { ok: true; rules: Rules } | { ok: false; message: string } {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (e) {
      return { ok: false, message: `De regels zijn geen geldige JSON: ${(e as Error).message}` };
    }
  }
  const result = RulesSchema.safeParse(value);
  if (result.success) return { ok: true, rules: result.data };
  const lines = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${translateIssue(issue)}`);
  return { ok: false, message: `De regels zijn ongeldig: ${lines.join("; ")}.` };
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "regels";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `.${String(p)}`;
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  number: "een getal",
  int: "een geheel getal",
  string: "tekst",
  boolean: "true of false",
  array: "een lijst",
  object: "een object",
  record: "een object",
};

/** Dutch text for one zod issue (without the path). */
function translateIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return "moet een geheel getal zijn";
      return `moet ${TYPE_NAMES[issue.expected] ?? issue.expected} zijn`;
    case "too_small":
      return issue.inclusive === false
        ? `moet groter zijn dan ${String(issue.minimum)}`
        : issue.origin === "array"
          ? `moet minstens ${String(issue.minimum)} elementen hebben`
          : `moet minstens ${String(issue.minimum)} zijn`;
    case "too_big":
      return issue.inclusive === false
        ? `moet kleiner zijn dan ${String(issue.maximum)}`
        : `mag hoogstens ${String(issue.maximum)} zijn`;
    case "invalid_value":
      return `moet een van deze waarden zijn: ${issue.values.map((v) => `"${String(v)}"`).join(", ")}`;
    case "unrecognized_keys":
      return `onbekend veld ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_key":
      return "bevat een ongeldige sleutel";
    case "invalid_union":
      return "heeft geen geldige waarde";
    default:
      return "is ongeldig";
  }
}

/**
 * Dutch one-line source or explanation per rule path (dot notation as in the JSON), for notes in
 * the result sheets and the task pane.
 */
export const RULE_SOURCES: Record<string, string> = {
  batSchaal:
    "Handleiding §3 (Twee BAT-schalen): de BAT-schaal volgt uit de codes (0-4 Limburg, BAT1-BAT5 VERA); alleen als dat niet lukt geldt deze keuze. Schalen worden nooit gemengd.",
  "nultreden.limburgMinBat":
    "Kerkrade, Lokaal meerjarig kader prestatieafspraken 2021-2025: nultreden = minstens wandelstokgeschikt (BAT ≥ 1); strenger: 2.",
  "nultreden.veraMinBat":
    "VERA BATSCORE: BAT1 Nultrapswoning (alle hoofdvertrekken op de begane grond of met lift of traplift bereikbaar).",
  "nultreden.labels":
    "VERA TOEGANKELIJKHEIDSLABEL: NUL, ROA, ROL en RUI voldoen aan nultreden; ZON, GNV, ROG en het vervallen GEL niet.",
  "geclusterd.minWoningen": "BZK/VWS-definities 21-09-2023: geclusterde woonvorm met minimaal 12 woningen.",
  "geclusterd.landelijkeGemeenten":
    "BZK/VWS-definities 21-09-2023: in landelijk gebied en kleine kernen mag het aantal woningen lager zijn.",
  "geclusterd.minWoningenLandelijk":
    "Ondergrens voor landelijke gemeenten; BZK noemt geen getal, de gebruiker stelt die vast.",
  "geclusterd.ontmoetingsruimteAangrenzendTelt":
    "BZK/VWS 21-09-2023 vraagt een inpandige ontmoetingsruimte; VERA GEC staat ook een ruimte grenzend aan het gebouw toe.",
  "geclusterd.minAandeel55plus": "BZK/VWS-definities 21-09-2023: minimaal 50% bewoners van 55 jaar en ouder.",
  "geclusterd.label55plusAlsAandeelOnbekend":
    "Handleiding §4: als het aandeel 55+ onbekend is, telt het aandeel woningen met label 55+.",
  "zorggeschikt.limburgMinBat":
    "BZK/VWS 21-09-2023: woning rollator- of rolstoelgeschikt; Limburgse schaal BAT 2 = rollatorbewoonbaar.",
  "zorggeschikt.veraMinBat":
    "VERA BATSCORE: BAT2 en BAT3 zijn alleen bezoekbaar; BAT4 Rolstoel woonbaar is de eerste bewoonbare klasse.",
  "zorggeschikt.labels": "VERA TOEGANKELIJKHEIDSLABEL: ROA rollatorwoning, ROL rolstoelwoning, RUI extra ruime rolstoelwoning.",
  "zorggeschikt.wlzVereist": "BZK/VWS 21-09-2023: in de geclusterde woonvorm wordt langdurige zorg uit de Wlz geleverd.",
  "zorggeschikt.zelfstandigVereist": "BZK/VWS 21-09-2023: een zelfstandige woning; een onbekende waarde sluit niet uit.",
  woonvormGedeclareerd:
    "VERA WOONVORM GEC/ZWO: gedeclareerde codes tellen als bewijs als feiten ontbreken; bij tegenspraak wint de afgeleide indeling (handleiding §4).",
  "aanbodtabel.regulierOmvatNultreden":
    "Toekomstvisie Wonen, Welzijn en Zorg Parkstad, Tabel 2: 'regulier wonen' (117.250) omvat de 29.313 nultredenwoningen.",
  "aanpassing.regels":
    "Gangbare methoden (Companen, ABF): traplift of slaapkamer en badkamer beneden maakt een eengezinswoning geschikt; een bovenwoning zonder lift niet.",
  "aanpassing.eenheiddetailsoorten":
    "VERA EENHEIDDETAILSOORT: eengezinswoningen (EGW) grondgebonden, meergezinswoningen (MGW) gestapeld; BEN op de begane grond.",
  "tekort.afronden": "Kerkrade rondt de opgave af op veelvouden van 5; afronden gebeurt alleen in de bladen, nooit in saldo.",
  "clusteringspotentieel.woningenMarge":
    "Clusteringspotentieel: een complex dat hoogstens zoveel woningen te klein is (bij minimaal 12: 10 of 11 woningen) telt als bijna geclusterd.",
  "clusteringspotentieel.aandeel55plusMarge":
    "Clusteringspotentieel: een complex met hoogstens zoveel procentpunt te weinig 55-plussers (bij minimaal 50%: 45-49%) telt als bijna geclusterd.",
  "clusteringspotentieel.onbekendMeetellen":
    "Clusteringspotentieel: ook complexen tonen waarvan het ene ontbrekende gegeven onbekend is (na te gaan).",
  "plannen.peiljaarVoorraad":
    "Handleiding §5a: aanbod in een later jaar = aanbod nu + geplande wijzigingen tot en met dat jaar; wijzigingen tot en met het peiljaar zitten al in de voorraad.",
  "watAls.aanpassenPercentage":
    "Toekomstvisie Wonen, Welzijn en Zorg Parkstad: al 10% van de potentieel geschikte woningen aanpassen neemt een groot deel van de nieuwbouwopgave weg.",
  "watAls.aanpassenPerSegment": "Wat-als: een eigen percentage per segment (bijvoorbeeld huur en koop); anders geldt het algemene percentage.",
  "watAls.ontmoetingsruimten": "Wat-als: zoveel ontmoetingsruimten erbij, in de complexen waar één ruimte de meeste woningen geclusterd maakt.",
  "watAls.wlzComplexen": "Wat-als: in zoveel geclusterde complexen Wlz-zorg gaan leveren, waar dat de meeste zorggeschikte woningen oplevert.",
  "watAls.plannen": "Wat-als: de geplande wijzigingen uit de werkmap meenemen (in de basis zitten ze altijd).",
};

/**
 * Short Dutch lines summarising the active rules, for the header note of the result sheets.
 * @example describeRules(DEFAULT_RULES)[1] ===
 *   "Nultreden: BAT ≥ 1 (Limburgse schaal) of BAT1+ (VERA) of label NUL/ROA/ROL/RUI"
 */
export function describeRules(rules: Rules): string[] {
  const g = rules.geclusterd;
  const z = rules.zorggeschikt;
  const labels = (codes: string[]) => (codes.length ? ` of label ${codes.join("/")}` : "");
  const scale =
    rules.batSchaal === "auto"
      ? "automatisch herkend"
      : rules.batSchaal === "limburg"
        ? "Limburgse schaal (0-4)"
        : "VERA (BAT1-BAT5)";
  const landelijk =
    g.landelijkeGemeenten.length > 0
      ? ` (in ${formatLijst(g.landelijkeGemeenten)}: ≥ ${g.minWoningenLandelijk})`
      : "";
  const zorgParts = [
    `BAT ≥ ${z.limburgMinBat} (Limburgse schaal) of BAT${z.veraMinBat}+ (VERA)${labels(z.labels)}`,
  ];
  if (z.wlzVereist) zorgParts.push("Wlz-zorg in het complex");
  if (z.zelfstandigVereist) zorgParts.push("zelfstandige woning");
  const afronden = rules.tekort.afronden;
  return [
    `BAT-schaal: ${scale}`,
    `Nultreden: BAT ≥ ${rules.nultreden.limburgMinBat} (Limburgse schaal) of BAT${rules.nultreden.veraMinBat}+ (VERA)${labels(rules.nultreden.labels)}`,
    `Geclusterd: nultreden, ${g.ontmoetingsruimteAangrenzendTelt ? "inpandige of aangrenzende" : "inpandige"} ontmoetingsruimte, complex ≥ ${g.minWoningen} woningen${landelijk}, ≥ ${formatPercentage(g.minAandeel55plus)} bewoners 55+${g.label55plusAlsAandeelOnbekend ? " (of woningen met label 55+ als het aandeel onbekend is)" : ""}`,
    `Zorggeschikt: geclusterd, ${zorgParts.join(", ")}`,
    rules.woonvormGedeclareerd === "bewijs"
      ? "Gedeclareerde woonvorm GEC/ZWO telt als bewijs als feiten ontbreken; bij tegenspraak wint de afgeleide indeling"
      : "Gedeclareerde woonvorm GEC/ZWO wordt genegeerd",
    rules.aanbodtabel.regulierOmvatNultreden
      ? "Aanbodtabel: 'regulier' omvat de nultredenwoningen en wordt exclusief gemaakt"
      : "Aanbodtabel: 'regulier' is al exclusief",
    `Aanpassingspotentieel: ${rules.aanpassing.regels.length} regels, de eerste passende regel beslist`,
    afronden === null ? "Tekort: niet afgerond" : `Tekort: in de bladen afgerond op veelvouden van ${afronden}`,
  ];
}
