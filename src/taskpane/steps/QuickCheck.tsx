/**
 * "Snel analyseren": the analysis in one step, above the five steps. It says what it will use
 * (the recognised or chosen tables and the rules in force), runs with one button, and shows the
 * key figures right there (results.ts `quickFigures`), with a way to all results. The five steps
 * stay below for whoever wants to check and correct first.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular, FlashRegular } from "@fluentui/react-icons";
import type { RunStatus } from "../hooks/useAnalysis";
import type { QuickFigure } from "../../session/results";
import type { RulesOrigin } from "../rules-form";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
  figures: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: {
    display: "contents",
  },
  term: {
    fontWeight: tokens.fontWeightSemibold,
  },
  value: {
    margin: 0,
    fontVariantNumeric: "tabular-nums",
  },
});

/** Props of the quick check. */
export interface QuickCheckProps {
  mode: "excel" | "browser";
  /** What the run will use, in one Dutch sentence ("Met voorraad 'X', vraag 'Y' en de standaardregels."). */
  uses: string;
  /** Why the run cannot start (Dutch), or null. */
  blockedReason: string | null;
  /** True when the current (or last) run was started here: then its progress and outcome show here. */
  active: boolean;
  status: RunStatus;
  stap: string | null;
  fractie: number;
  /** Dutch message of a failed or cancelled run. */
  error: string | null;
  /** The key figures of the finished run (shown when `active`), or null. */
  figures: QuickFigure[] | null;
  onRun: () => void;
  onCancel: () => void;
  /** Opens step 5 with every result (and the download on the browser page). */
  onShowResults: () => void;
  /** Receives the key figures' heading, so the page can move the focus there after a run. */
  figuresRef?: (el: HTMLElement | null) => void;
}

/** The quick check. */
export function QuickCheck(props: QuickCheckProps) {
  const styles = useStyles();
  const busy = props.status === "running" || props.status === "writing";
  const mine = props.active;
  const percent = Math.round(props.fractie * 100);
  return (
    <section className={styles.root} aria-label="Snel analyseren">
      <Text>
        {props.uses}{" "}
        {props.mode === "excel"
          ? "De resultaatbladen komen in de werkmap. Wilt u eerst controleren of aanpassen? Gebruik de stappen hieronder."
          : "Wilt u eerst controleren of aanpassen? Gebruik de stappen hieronder."}
      </Text>
      {props.blockedReason && !busy ? (
        <Text size={200} role="note">
          {props.blockedReason}
        </Text>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<FlashRegular />} disabled={busy || props.blockedReason !== null} onClick={props.onRun}>
          Snel analyseren
        </Button>
        {busy && mine ? (
          <Button icon={<DismissRegular />} disabled={props.status === "writing"} onClick={props.onCancel}>
            Annuleren
          </Button>
        ) : null}
      </div>
      {busy && mine ? (
        <Field label="Voortgang" hint={`${props.stap ?? ""} (${percent}%)`}>
          <ProgressBar value={props.fractie} max={1} thickness="large" aria-valuetext={`${props.stap ?? ""}, ${percent}%`} />
        </Field>
      ) : null}
      {mine && props.status === "done" && props.figures ? (
        <>
          <Text as="h2" size={400} weight="semibold" className={styles.heading} tabIndex={-1} ref={props.figuresRef}>
            Kerncijfers
          </Text>
          <dl className={styles.figures} aria-label="Kerncijfers">
            {props.figures.map((f) => (
              <div key={f.label} className={styles.pair}>
                <dt className={styles.term}>{f.label}</dt>
                <dd className={styles.value}>{f.value}</dd>
              </div>
            ))}
          </dl>
          <div className={styles.actions}>
            <Button onClick={props.onShowResults}>{props.mode === "excel" ? "Alle resultaten" : "Alle resultaten en downloaden"}</Button>
          </div>
        </>
      ) : null}
      {mine && props.status === "cancelled" ? (
        <MessageBar intent="warning">
          <MessageBarBody>{props.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {mine && props.status === "error" ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>De analyse is mislukt.</MessageBarTitle> {props.error}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

/** A table the quick check will use: its sheet and whether it was recognised or chosen; null = none. */
export type QuickTable = { sheet: string; how: "herkend" | "gekozen" } | { sheet: null; how: "selectie" } | null;

const RULES_TEXT: Record<RulesOrigin, string> = {
  standaard: "de standaardregels",
  bewaard: "de regels die bij de vorige analyse in deze werkmap zijn bewaard",
  aangepast: "de regels zoals ingesteld bij stap 3",
};

function tableText(t: Exclude<QuickTable, null>): string {
  return t.how === "selectie" ? "de huidige selectie" : `blad '${t.sheet}' (${t.how})`;
}

/**
 * The sentence above the button: what the quick check will use.
 * @example describeQuickRun({ sheet: "Voorraad", how: "herkend" }, null, "standaard")
 *   // "Analyseert in één keer: voorraad uit blad 'Voorraad' (herkend), zonder vraagtabel (dus geen tekort), met de standaardregels."
 */
export function describeQuickRun(voorraad: QuickTable, vraag: QuickTable, rules: RulesOrigin): string {
  const stock = voorraad ? `voorraad uit ${tableText(voorraad)}` : "zonder voorraadtabel (het aanbod komt dan uit een aanbodtabel)";
  const demand = vraag ? `vraag uit ${tableText(vraag)}` : "zonder vraagtabel (dus geen tekort)";
  return `Analyseert in één keer: ${stock}, ${demand}, met ${RULES_TEXT[rules]}.`;
}
