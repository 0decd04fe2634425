/**
 * The choice for a sheet headed "Opgave" (issue 10 item 2): it may be the demand (the dwellings
 * needed) or a published shortage (vraag − aanbod). The tool reads it as a published shortage
 * and recomputes it (ingest/saldo.ts, `ookMogelijk: "vraag"`) until the user says otherwise.
 * As the near-match column choice of the mapping step: the pane shows a proposal pre-filled, with
 * a warning hint and a button to confirm it; a proposal is not used until it is confirmed (or the
 * other option chosen). The proposal: the demand when the workbook has no other demand table
 * (without demand nothing is computed), else a shortage. The command line's equivalent is
 * `--vraag "<blad>"` (demand); without it the sheet is read as a shortage.
 */
import { Button, Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  confirm: {
    alignSelf: "flex-start",
    marginTop: tokens.spacingVerticalXS,
  },
});

/** How the user reads the sheet: demand, or a published shortage. */
export type OpgaveLezing = "vraag" | "tekort";

/** Props of {@link OpgaveChoice}. */
export interface OpgaveChoiceProps {
  sheet: string;
  /** What the user confirmed; null while the proposal is not yet confirmed. */
  confirmed: OpgaveLezing | null;
  /** Another sheet the automatic choice uses as demand (then the proposal is "tekort"), or null. */
  otherDemand: string | null;
  disabled: boolean;
  onChoose: (lezing: OpgaveLezing) => void;
}

const OPTION_TEXT: Record<OpgaveLezing, string> = {
  vraag: "De vraag (de woningen die nodig zijn)",
  tekort: "Een gepubliceerd tekort (vraag min aanbod): nagerekend, niet als vraag gelezen",
};

/** The pre-filled choice for one ambiguous "Opgave" sheet. */
export function OpgaveChoice(props: OpgaveChoiceProps) {
  const styles = useStyles();
  const proposal: OpgaveLezing = props.otherDemand ? "tekort" : "vraag";
  const value = props.confirmed ?? proposal;
  const hint = props.confirmed === "vraag"
    ? `Door u bevestigd: blad '${props.sheet}' wordt als vraag gelezen (opdrachtregel: --vraag "${props.sheet}").`
    : props.confirmed === "tekort"
      ? `Door u bevestigd: blad '${props.sheet}' wordt als gepubliceerd tekort gelezen en nagerekend op het blad Vergelijking.`
      : `Voorstel: ${proposal === "vraag" ? "de vraag, want de werkmap heeft geen andere vraagtabel" : `een tekort, want blad '${props.otherDemand}' is de vraag`}. ` +
        "Nog niet bevestigd: tot dan leest de tool het blad als gepubliceerd tekort. Bevestig het voorstel of kies het andere.";
  return (
    <Field label={`Blad '${props.sheet}' noemt een opgave: vraag of tekort?`} hint={hint} validationState={props.confirmed ? "none" : "warning"}>
      <RadioGroup value={value} disabled={props.disabled} onChange={(_e, data) => props.onChoose(data.value as OpgaveLezing)}>
        <Radio value="vraag" label={OPTION_TEXT.vraag} />
        <Radio value="tekort" label={OPTION_TEXT.tekort} />
      </RadioGroup>
      {props.confirmed ? null : (
        <Button className={styles.confirm} size="small" disabled={props.disabled} onClick={() => props.onChoose(proposal)}>
          Voorstel bevestigen: {proposal === "vraag" ? "vraag" : "tekort"}
        </Button>
      )}
    </Field>
  );
}
