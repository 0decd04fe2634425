/**
 * Step 1, "Kies de tabellen": the workbook's sheets with the kind of table recognised on each,
 * the choice of the stock (voorraad) and demand (vraag) tables, and for each sheet headed
 * "Opgave" that may be demand or a published shortage, a pre-filled choice to confirm
 * (OpgaveChoice.tsx).
 */
import { Button, Dropdown, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import type { SheetDetection } from "../../analysis/preview";
import { AUTO, choiceValue, parseChoice, type TableChoice } from "../choice";
import { OpgaveChoice, type OpgaveLezing } from "./OpgaveChoice";
import { KIND_LABELS } from "../../session/labels";
import { SELECTION_SHEET } from "../selection-reader";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  reden: {
    display: "block",
    color: tokens.colorNeutralForeground3,
  },
  dropdown: {
    minWidth: "0",
    width: "100%",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

/** Props of the tables step. */
export interface TablesStepProps {
  /** The sheets as recognised (describeWorkbook). */
  sheets: readonly SheetDetection[];
  voorraad: TableChoice;
  vraag: TableChoice;
  /** What "Automatisch" stands for, to say so in the hints. */
  autoVoorraad: string | null;
  autoVraag: string | null;
  /** True in Excel when the port can read the selection ("Huidige selectie" is offered). */
  selectionAvailable: boolean;
  /** The kept selection, described ("blad 'Blad1', vanaf cel B3, 120 rijen"), when chosen. */
  selectionText: string | null;
  busy: boolean;
  onVoorraadChange: (choice: TableChoice) => void;
  onVraagChange: (choice: TableChoice) => void;
  /** "Opgave" sheets the user confirmed as a published shortage (kept by the App across steps). */
  opgaveAlsTekort: readonly string[];
  /** Records (or withdraws) the confirmation that an "Opgave" sheet is a shortage. */
  onOpgaveAlsTekort: (sheet: string, tekort: boolean) => void;
  /** Reads the workbook (and the selection) again. */
  onReload: () => void;
  onNext: () => void;
}

function optionText(s: SheetDetection): string {
  return `${s.sheet} (${KIND_LABELS[s.kind]})`;
}

/** One table choice: "Automatisch", optionally Excel's selection, then every sheet. */
function TableField(props: {
  label: string;
  hint: string;
  choice: TableChoice;
  /** The text shown for a choice (the automatic one names the sheet it would use). */
  textOf: (choice: TableChoice) => string;
  selectionAvailable: boolean;
  sheets: readonly SheetDetection[];
  disabled: boolean;
  className: string;
  onChange: (choice: TableChoice) => void;
}) {
  const auto = props.textOf({ kind: "auto" });
  return (
    <Field label={props.label} hint={props.hint}>
      <Dropdown
        className={props.className}
        value={props.textOf(props.choice)}
        selectedOptions={[choiceValue(props.choice)]}
        onOptionSelect={(_e, data) => data.optionValue && props.onChange(parseChoice(data.optionValue))}
        disabled={props.disabled}
      >
        <Option value="auto" text={auto}>
          {auto}
        </Option>
        {props.selectionAvailable ? (
          <Option value="selection" text={SELECTION_SHEET}>
            {SELECTION_SHEET}
          </Option>
        ) : null}
        {props.sheets.map((s) => (
          <Option key={s.sheet} value={choiceValue({ kind: "sheet", name: s.sheet })} text={optionText(s)}>
            {optionText(s)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** The tables step. */
export function TablesStep(props: TablesStepProps) {
  const styles = useStyles();
  const { sheets, voorraad, vraag } = props;
  const textOf = (choice: TableChoice, auto: string | null): string => {
    if (choice.kind === "auto") return auto ? `Automatisch: ${auto}` : "Automatisch";
    if (choice.kind === "selection") return SELECTION_SHEET;
    const s = sheets.find((x) => x.sheet === choice.name);
    return s ? optionText(s) : choice.name;
  };
  const voorraadHint =
    voorraad.kind === "selection"
      ? (props.selectionText ?? "De selectie wordt gelezen.")
      : voorraad.kind === "sheet"
        ? "Door u gekozen. Kies 'Automatisch' om de meest gedetailleerde voorraadtabel te laten kiezen."
        : props.autoVoorraad
          ? `Bij 'Automatisch' wordt blad '${props.autoVoorraad}' gebruikt.`
          : "Er is geen voorraadtabel herkend. Kies een blad, of het aanbod komt uit een aanbodtabel.";
  const vraagHint =
    vraag.kind === "sheet"
      ? "Door u gekozen."
      : props.autoVraag
        ? `Bij 'Automatisch' wordt blad '${props.autoVraag}' gebruikt.`
        : "Er is geen vraagtabel herkend: zonder vraag wordt geen tekort berekend.";
  return (
    <div className={styles.root}>
      <Text>Deze bladen staan in de werkmap, met wat erop is herkend:</Text>
      <ul className={styles.list} aria-label="Bladen in de werkmap">
        {sheets.map((s) => (
          <li key={s.sheet}>
            <Text weight="semibold">{s.sheet}</Text>: <Text>{KIND_LABELS[s.kind]}</Text>
            <Text size={200} className={styles.reden}>
              {s.reden}
            </Text>
          </li>
        ))}
      </ul>
      <TableField
        label="Voorraad (woningen)"
        hint={voorraadHint}
        choice={voorraad}
        textOf={(c) => textOf(c, props.autoVoorraad)}
        selectionAvailable={props.selectionAvailable}
        sheets={sheets}
        disabled={props.busy}
        className={styles.dropdown}
        onChange={props.onVoorraadChange}
      />
      <TableField
        label="Vraag"
        hint={vraagHint}
        choice={vraag}
        textOf={(c) => textOf(c, props.autoVraag)}
        selectionAvailable={false}
        sheets={sheets}
        disabled={props.busy}
        className={styles.dropdown}
        onChange={props.onVraagChange}
      />
      {sheets.filter((s) => s.ookMogelijk === "vraag").map((s) => {
        const chosen = vraag.kind === "sheet" && vraag.name === s.sheet;
        const choose = (lezing: OpgaveLezing) => {
          if (lezing === "vraag") {
            props.onOpgaveAlsTekort(s.sheet, false);
            props.onVraagChange({ kind: "sheet", name: s.sheet });
          } else {
            if (chosen) props.onVraagChange(AUTO);
            props.onOpgaveAlsTekort(s.sheet, true);
          }
        };
        return (
          <OpgaveChoice
            key={s.sheet}
            sheet={s.sheet}
            confirmed={chosen ? "vraag" : props.opgaveAlsTekort.includes(s.sheet) ? "tekort" : null}
            otherDemand={vraag.kind === "sheet" && !chosen ? vraag.name : props.autoVraag}
            disabled={props.busy}
            onChoose={choose}
          />
        );
      })}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={props.onNext}>
          Verder naar kolommen
        </Button>
        <Button icon={<ArrowClockwiseRegular />} onClick={props.onReload} disabled={props.busy}>
          Opnieuw inlezen
        </Button>
      </div>
    </div>
  );
}
