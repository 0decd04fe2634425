/**
 * Step 4, "Uitvoeren": the "Analyseren" button, progress with the name of the step in
 * progress, "Annuleren", and every outcome (done, cancelled, failed) as a message.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular, PlayRegular } from "@fluentui/react-icons";
import type { WriteOutcome } from "../../workbook/port";
import type { RunStatus } from "../hooks/useAnalysis";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

/** Props of the run step. */
export interface RunStepProps {
  mode: "excel" | "browser";
  /** Why "Analyseren" is disabled (Dutch), or null when a run can start. */
  blockedReason: string | null;
  status: RunStatus;
  /** Step in progress and fraction done (0..1). */
  stap: string | null;
  fractie: number;
  /** Dutch message of a failed or cancelled run. */
  error: string | null;
  /** Excel route: what was written. */
  outcome: WriteOutcome | null;
  /** Key figures in one sentence, announced when the run is done (e.g. "7.824 woningen, ..."). */
  doneText?: string | null;
  onRun: () => void;
  onCancel: () => void;
  /** Opens the rules step (offered when the rules are what blocks the run). */
  onShowRules?: () => void;
}

/** The run step. */
export function RunStep(props: RunStepProps) {
  const styles = useStyles();
  const busy = props.status === "running" || props.status === "writing";
  const percent = Math.round(props.fractie * 100);
  return (
    <div className={styles.root}>
      <Text>
        {props.mode === "excel"
          ? "De analyse leest de gekozen tabellen en schrijft de bladen BZK-indeling, Tekort, Aanpassingspotentieel en Controle. Uw eigen bladen blijven ongewijzigd."
          : "De analyse leest de gekozen tabellen. Daarna kunt u het resultaat downloaden als nieuwe werkmap; uw bestand blijft ongewijzigd."}
      </Text>
      {props.blockedReason && !busy ? (
        <MessageBar intent="warning">
          <MessageBarBody>{props.blockedReason}</MessageBarBody>
          {props.onShowRules ? (
            <MessageBarActions>
              <Button size="small" onClick={props.onShowRules}>
                Naar de regels
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<PlayRegular />} disabled={busy || props.blockedReason !== null} onClick={props.onRun}>
          Analyseren
        </Button>
        {busy ? (
          <Button icon={<DismissRegular />} disabled={props.status === "writing"} onClick={props.onCancel}>
            Annuleren
          </Button>
        ) : null}
      </div>
      {busy ? (
        <Field label="Voortgang" hint={`${props.stap ?? ""} (${percent}%)`}>
          <ProgressBar value={props.fractie} max={1} thickness="large" aria-valuetext={`${props.stap ?? ""}, ${percent}%`} />
        </Field>
      ) : null}
      <div role="status" aria-live="polite">
        {busy ? <Text>{props.stap}</Text> : null}
        {props.status === "done" ? (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>Analyse klaar.</MessageBarTitle>
              {props.doneText ? ` ${props.doneText}` : ""}
              {props.mode === "excel"
                ? " De resultaatbladen zijn bijgewerkt. De belangrijkste cijfers staan bij Resultaten."
                : " De belangrijkste cijfers staan bij Resultaten; daar kunt u ook het resultaat downloaden."}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {props.status === "done" && props.outcome
          ? props.outcome.messages.map((m) => (
              <MessageBar key={m} intent="info">
                <MessageBarBody>{m}</MessageBarBody>
              </MessageBar>
            ))
          : null}
        {props.status === "cancelled" ? (
          <MessageBar intent="warning">
            <MessageBarBody>{props.error}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {props.status === "error" ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>De analyse is mislukt.</MessageBarTitle> {props.error}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
