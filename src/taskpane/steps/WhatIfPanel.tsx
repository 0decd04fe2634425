/**
 * The what-if panel of the results step: "what if we adapt x% of the potentieel dwellings, add
 * meeting rooms to the best candidate complexes, start Wlz care, and carry out (or not) the
 * planned changes?" Every change of an input is recomputed from the analysis the session kept
 * (no re-run) and shown beside the baseline: the tekort per type for one demand set and year in
 * the three readings, the supply now, and what each lever did (dwellings per segment, the
 * complexes chosen). Fits a 320-350 px task pane: one narrow table per reading, with choices for
 * the demand set and the year. The inputs' texts are parsed into a scenario by ../whatif-form.ts.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, TableArrowUpRegular } from "@fluentui/react-icons";
import { memo, useMemo, useState } from "react";
import type { Lezing } from "../../domain/tekort";
import { nlInt } from "../../report/format";
import { useFormStyles } from "../form-styles";
import { demandSetKey, demandSets, type Scenario, type WhatIfOptions, type WhatIfView, type WhatIfViewRow } from "../../session/whatif-view";
import { pctText, scenarioOf, textsOf, type WhatIfErrors, type WhatIfTexts } from "../whatif-form";

const useStyles = makeStyles({
  choices: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
  },
  heading: {
    margin: 0,
  },
  number: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
  },
});

/** State of writing the scenario (Excel) or downloading it (browser), as the panel shows it. */
export interface ScenarioOutput {
  status: "idle" | "busy" | "done" | "cancelled" | "error";
  /** Fraction done while busy (Excel); null: no progress to show. */
  fractie: number | null;
  message: string | null;
}

/** Props of the panel. */
export interface WhatIfPanelProps {
  mode: "excel" | "browser";
  options: WhatIfOptions;
  /** The scenario the panel starts from (the run's own). The panel keeps its own input texts. */
  initial: Scenario;
  /** Called with every valid scenario the inputs describe. */
  onChange: (scenario: Scenario) => void;
  /** The view of the latest scenario (null until the first one is computed). */
  view: WhatIfView | null;
  busy: boolean;
  /** Dutch message when computing failed. */
  error: string | null;
  /** Excel: writes the result sheets with the scenario; browser: downloads the result file with it. */
  onOutput: () => void;
  output: ScenarioOutput;
  /** Excel: stops writing (the workbook stays as it was); absent when the write cannot be stopped. */
  onCancelOutput?: () => void;
}

const READINGS: { lezing: Lezing; title: string; uitleg: string }[] = [
  { lezing: "per categorie", title: "Per categorie", uitleg: "elk woontype apart" },
  { lezing: "cumulatief", title: "Cumulatief", uitleg: "minstens dit type, aan beide kanten" },
  { lezing: "na doorschuiven", title: "Na doorschuiven", uitleg: "vraag die onvervuld blijft als hogere typen lagere vraag opvangen" },
];

/** A difference with its sign: "+12", "-299", "0"; "–" when there is none. */
function signed(n: number | null): string {
  if (n === null) return "–";
  return n > 0 ? `+${nlInt(n)}` : nlInt(n);
}

/** The panel. */
export function WhatIfPanel(props: WhatIfPanelProps) {
  const form = useFormStyles();
  const styles = useStyles();
  const { options, view } = props;
  const [texts, setTexts] = useState<WhatIfTexts>(() => textsOf(props.initial, options));
  const { errors } = useMemo(() => scenarioOf(texts, options), [texts, options]);
  const change = (patch: Partial<WhatIfTexts>) => {
    const next = { ...texts, ...patch };
    setTexts(next);
    const parsed = scenarioOf(next, options);
    if (parsed.scenario) props.onChange(parsed.scenario);
  };

  // The chosen demand set and year outlive each view (null: the first there is).
  const [setKey, setSetKey] = useState<string | null>(null);
  const [jaar, setJaar] = useState<number | null>(null);
  const potentieel = options.segmenten.reduce((n, s) => n + s.potentieel, 0);
  const aangepast = view ? view.aanpassing.reduce((n, s) => n + s.aangepast, 0) : 0;

  const countField = (key: "ontmoetingsruimten" | "wlz", label: string, hint: string, max: number) => (
    <Field label={label} hint={hint} validationMessage={errors[key]} validationState={errors[key] ? "error" : "none"}>
      <Input
        className={form.input}
        inputMode="numeric"
        value={texts[key]}
        disabled={max === 0 && texts[key] === "0"}
        onChange={(_e, data) => change({ [key]: data.value })}
      />
    </Field>
  );

  return (
    <div className={form.root}>
      <Text>
        Reken uit wat er van het tekort overblijft als u woningen aanpast, ontmoetingsruimten maakt of Wlz-zorg gaat leveren. Elke wijziging
        wordt meteen doorgerekend op de ingedeelde voorraad; de analyse hoeft niet opnieuw.
      </Text>

      <fieldset className={form.group}>
        <legend className={form.legend}>Maatregelen</legend>
        <Field
          label="Potentieel geschikte woningen aanpassen"
          hint={
            options.potentieelBron
              ? `Naar schatting ${nlInt(potentieel)} woningen zijn met een lichte aanpassing nultreden te maken (aandeel uit de kruistabel, zie hieronder).`
              : `${nlInt(potentieel)} woningen zijn met een lichte aanpassing nultreden te maken.`
          }
          validationMessage={errors.percentage}
          validationState={errors.percentage ? "error" : "none"}
        >
          <Input
            className={form.input}
            inputMode="decimal"
            value={texts.percentage}
            contentAfter={<Text aria-hidden="true">%</Text>}
            disabled={texts.perSegment}
            onChange={(_e, data) => change({ percentage: data.value })}
          />
        </Field>
        {options.potentieelBron ? (
          <MessageBar intent="info">
            <MessageBarBody>{options.potentieelBron}</MessageBarBody>
          </MessageBar>
        ) : null}
        {options.segmenten.length > 1 ? (
          <Switch
            label="Per segment een eigen percentage"
            checked={texts.perSegment}
            onChange={(_e, data) => change({ perSegment: data.checked })}
          />
        ) : null}
        {texts.perSegment
          ? options.segmenten.map((seg) => {
              const key = `segment:${seg.segment}`;
              return (
                <Field
                  key={seg.segment}
                  label={`Segment ${seg.segment} aanpassen`}
                  hint={`${nlInt(seg.potentieel)} potentieel geschikt`}
                  validationMessage={errors[key]}
                  validationState={errors[key] ? "error" : "none"}
                >
                  <Input
                    className={form.input}
                    inputMode="decimal"
                    value={texts.segmenten[seg.segment] ?? ""}
                    contentAfter={<Text aria-hidden="true">%</Text>}
                    onChange={(_e, data) => change({ segmenten: { ...texts.segmenten, [seg.segment]: data.value } })}
                  />
                </Field>
              );
            })
          : null}
        {countField(
          "ontmoetingsruimten",
          "Ontmoetingsruimten erbij",
          `In de beste van ${nlInt(options.ontmoetingsruimteKandidaten)} complexen waar alleen een ontmoetingsruimte ontbreekt.`,
          options.ontmoetingsruimteKandidaten,
        )}
        {countField(
          "wlz",
          "Complexen met Wlz-zorg erbij",
          `In de beste van ${nlInt(options.wlzKandidaten)} geclusterde complexen zonder Wlz-zorg.`,
          options.wlzKandidaten,
        )}
        <Field
          hint={
            options.plannen > 0
              ? `${nlInt(options.plannen)} geplande wijzigingen in de werkmap; in de basis tellen ze altijd mee.`
              : "De werkmap heeft geen geplande wijzigingen."
          }
        >
          <Switch
            label="Geplande wijzigingen meenemen"
            checked={texts.plannen}
            disabled={options.plannen === 0}
            onChange={(_e, data) => change({ plannen: data.checked })}
          />
        </Field>
      </fieldset>

      <div role="status" aria-live="polite">
        {view ? (
          <Text>
            {props.busy ? "Bezig met doorrekenen… " : ""}
            {`Wat-als: ${nlInt(aangepast)} woningen aangepast, ${nlInt(view.ontmoetingsruimten.length)} ontmoetingsruimten en Wlz-zorg in ${nlInt(view.wlz.length)} complexen erbij${view.parameters.plannen && options.plannen > 0 ? ", met de geplande wijzigingen" : ""}.`}
          </Text>
        ) : (
          <Text>Bezig met doorrekenen…</Text>
        )}
      </div>
      {props.error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{props.error}</MessageBarBody>
        </MessageBar>
      ) : null}

      {view ? (
        <ScenarioView mode={props.mode} options={options} view={view} setKey={setKey} jaar={jaar} onSetKey={setSetKey} onJaar={setJaar} />
      ) : null}
      <section className={form.group} aria-labelledby="watals-uitvoer">
        <Text as="h4" id="watals-uitvoer" weight="semibold" className={styles.heading}>
          {props.mode === "excel" ? "Naar de werkmap" : "Naar het resultaatbestand"}
        </Text>
        <Text>
          {props.mode === "excel"
            ? "Schrijft de resultaatbladen opnieuw met dit scenario: blad Tekort zet het naast de basis, blad Aanpassingspotentieel toont elke aangepaste woning. Het scenario wordt bij de regels bewaard."
            : "Het resultaatbestand krijgt dit scenario: blad Tekort zet het naast de basis, blad Aanpassingspotentieel toont elke aangepaste woning."}
        </Text>
        <div className={form.actions}>
          <Button
            appearance="primary"
            icon={props.mode === "excel" ? <TableArrowUpRegular /> : <ArrowDownloadRegular />}
            onClick={props.onOutput}
            disabled={props.output.status === "busy" || errorsPresent(errors) || !view}
          >
            {props.mode === "excel" ? "Scenario naar werkmap" : "Resultaat met dit scenario downloaden"}
          </Button>
          {props.output.status === "busy" && props.onCancelOutput ? <Button onClick={props.onCancelOutput}>Annuleren</Button> : null}
        </div>
        {props.output.status === "busy" && props.output.fractie !== null ? (
          <Field label="Resultaatbladen schrijven" validationState="none">
            <ProgressBar value={props.output.fractie} max={1} />
          </Field>
        ) : null}
        {props.output.message && props.output.status !== "busy" ? (
          <MessageBar intent={props.output.status === "error" ? "error" : props.output.status === "done" ? "success" : "warning"}>
            <MessageBarBody>{props.output.message}</MessageBarBody>
          </MessageBar>
        ) : null}
      </section>
    </div>
  );
}

/** Props of {@link ScenarioView}. */
interface ScenarioViewProps {
  mode: "excel" | "browser";
  options: WhatIfOptions;
  view: WhatIfView;
  /** The chosen demand set's key and year (null: the first in the view). */
  setKey: string | null;
  jaar: number | null;
  onSetKey: (key: string) => void;
  onJaar: (jaar: number) => void;
}

/**
 * The computed scenario beside the baseline: the tekort tables of one demand set and year, the
 * supply now, and what each lever did. Memoised: typing in an input renders the panel (and the
 * pane) again at every keystroke, while this part changes only when a new view arrives or
 * another demand set or year is chosen.
 */
const ScenarioView = memo(function ScenarioView({ mode, options, view, setKey, jaar, onSetKey, onJaar }: ScenarioViewProps) {
  const form = useFormStyles();
  const styles = useStyles();
  const rows = view.tekort;
  const { sets, jaren } = useMemo(() => demandSets(rows), [rows]);
  const currentSet = sets.find((s) => s.key === setKey) ?? sets[0] ?? null;
  const currentJaar = jaar !== null && jaren.includes(jaar) ? jaar : (jaren[0] ?? null);
  const shown = (lezing: Lezing): WhatIfViewRow[] =>
    rows.filter((r) => r.lezing === lezing && r.jaar === currentJaar && currentSet !== null && demandSetKey(r) === currentSet.key);
  const where = mode === "excel" ? "in de werkmap" : "in het gedownloade resultaat";

  return (
    <>
      {options.tekortBerekend ? (
        <section className={form.group} aria-labelledby="watals-tekort">
          <Text as="h4" id="watals-tekort" weight="semibold" className={styles.heading}>
            Tekort: basis en wat-als
          </Text>
          <div className={styles.choices}>
            <Field label="Vraag">
              <Select value={currentSet?.key ?? ""} onChange={(_e, data) => onSetKey(data.value)} disabled={sets.length < 2}>
                {sets.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Jaar">
              <Select value={currentJaar === null ? "" : String(currentJaar)} onChange={(_e, data) => onJaar(Number(data.value))} disabled={jaren.length < 2}>
                {jaren.map((j) => (
                  <option key={j} value={String(j)}>
                    {j}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Text size={200} className={styles.hint}>
            Tekort in woningen; Verschil = wat-als − basis (negatief: minder tekort).
          </Text>
          {READINGS.map(({ lezing, title, uitleg }) => {
            const list = shown(lezing);
            if (list.length === 0) return null;
            return (
              <div key={lezing} className={form.group}>
                <Text as="h5" size={200} weight="semibold" className={styles.heading}>
                  {`${title} (${uitleg})`}
                </Text>
                <Table size="extra-small" aria-label={`Tekort ${lezing}, ${currentJaar ?? ""}, ${currentSet?.label ?? ""}`}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Woontype</TableHeaderCell>
                      <TableHeaderCell className={styles.number}>Basis</TableHeaderCell>
                      <TableHeaderCell className={styles.number}>Wat-als</TableHeaderCell>
                      <TableHeaderCell className={styles.number}>Verschil</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {list.map((r) => (
                      <TableRow key={r.categorie}>
                        <TableCell>{r.categorie}</TableCell>
                        <TableCell className={styles.number}>{r.basis === null ? "–" : nlInt(r.basis)}</TableCell>
                        <TableCell className={styles.number}>{nlInt(r.watAls)}</TableCell>
                        <TableCell className={styles.number}>{signed(r.verschil)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            );
          })}
        </section>
      ) : (
        <Text>Er is geen tekort berekend (geen vraagtabel gevonden); hieronder ziet u wat het scenario met het aanbod doet.</Text>
      )}

      <section className={form.group} aria-labelledby="watals-aanbod">
        <Text as="h4" id="watals-aanbod" weight="semibold" className={styles.heading}>
          Aanbod nu: basis en wat-als
        </Text>
        <Table size="extra-small" aria-label="Aanbod nu per BZK-woontype, basis en wat-als">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Woontype (hoogste)</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Basis</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Wat-als</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.aanbod.map((r) => (
              <TableRow key={r.type}>
                <TableCell>{r.type}</TableCell>
                <TableCell className={styles.number}>{nlInt(r.basis)}</TableCell>
                <TableCell className={styles.number}>{nlInt(r.watAls)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className={form.group} aria-labelledby="watals-gedaan">
        <Text as="h4" id="watals-gedaan" weight="semibold" className={styles.heading}>
          Wat er is gedaan
        </Text>
        <ul className={styles.list} aria-label="Aangepaste woningen per segment">
          {view.aanpassing.map((s) => (
            <li key={s.segment}>
              <Text>
                {`${s.segment}: ${nlInt(s.aangepast)} van ${nlInt(s.potentieel)} potentieel geschikte woningen aangepast (${pctText(s.percentage)}%); ` +
                  `${nlInt(s.naarNultreden)} worden nultreden, ${nlInt(s.naarGeclusterd)} geclusterd, ${nlInt(s.naarZorggeschikt)} zorggeschikt.`}
              </Text>
            </li>
          ))}
        </ul>
        {view.ontmoetingsruimten.length + view.wlz.length > 0 ? (
          <ul className={styles.list} aria-label="Gekozen complexen">
            {view.ontmoetingsruimten.map((c) => (
              <li key={`r-${c.complex}`}>
                <Text>{`Ontmoetingsruimte in complex ${c.complex}${place(c)}: ${nlInt(c.erbijGeclusterd)} woningen erbij geclusterd${c.erbijZorggeschikt ? `, ${nlInt(c.erbijZorggeschikt)} zorggeschikt` : ""}.`}</Text>
              </li>
            ))}
            {view.wlz.map((c) => (
              <li key={`w-${c.complex}`}>
                <Text>{`Wlz-zorg in complex ${c.complex}${place(c)}: ${nlInt(c.erbijZorggeschikt)} woningen erbij zorggeschikt.`}</Text>
              </li>
            ))}
          </ul>
        ) : null}
        <Text size={200} className={styles.hint}>
          {`Elke aangepaste woning (VHE, blad en rij) staat ${where} op blad Aanpassingspotentieel, tabel 'Wat-als: de aangepaste woningen'.`}
        </Text>
      </section>
    </>
  );
});

function errorsPresent(errors: WhatIfErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** " (HEEMwonen, Kerkrade)" or "". */
function place(c: { eigenaar: string | null; gemeente: string | null }): string {
  const parts = [c.eigenaar, c.gemeente].filter((p): p is string => p !== null && p !== "");
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
