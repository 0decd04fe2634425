/**
 * Step 2, "Kolommen": the column mapping of the stock table as detected, with a dropdown per
 * field to correct it, and what the current mapping reads (rows read and set aside). A column
 * that only resembles a field (a near match, header-concepts.ts) is shown pre-filled in that
 * field's dropdown with a warning hint and a button to confirm it; it is used only once confirmed.
 */
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarGroup,
  MessageBarActions,
  Option,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { StockPreview } from "../../analysis/preview";
import { STOCK_FIELDS, type MappingOverrides, type StockField } from "../../ingest/types";
import { nlInt } from "../../report/format";
import { FIELD_LABELS } from "../../session/labels";
import { issueLocation } from "../../session/results";

/** The dropdown text for "no column". */
export const NO_COLUMN = "(geen)";

const MAX_ISSUES = 5;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  fields: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  dropdown: {
    minWidth: "0",
    width: "100%",
  },
  confirm: {
    alignSelf: "flex-start",
    marginTop: tokens.spacingVerticalXS,
  },
  status: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

/** Props of the column step. */
export interface MappingStepProps {
  /** Name of the stock table previewed ("Huidige selectie" for the selection); null: none. */
  sheet: string | null;
  preview: StockPreview | null;
  /** True while the preview is read again. */
  loading: boolean;
  /** While loading: rows of the stock read so far and in all (Excel, per chunk); null: unknown. */
  progress?: { done: number; total: number } | null;
  /** Stops the read of the stock (shown while loading when set). */
  onCancel?: () => void;
  /** True when the user stopped the read; `onRetry` reads again. */
  cancelled?: boolean;
  onRetry?: () => void;
  /** Dutch message when the preview could not be read. */
  error: string | null;
  overrides: MappingOverrides;
  /** A new column for a field; null = no choice of the user (automatic detection). */
  onChange: (field: StockField, header: string | null) => void;
  /** Back to the automatic detection for every field. */
  onReset: () => void;
  onNext: () => void;
}

function scaleText(scale: StockPreview["batScale"]): string {
  return scale === "vera" ? "VERA (BAT1-BAT5)" : scale === "limburg" ? "Limburgse schaal (0-4)" : "geen BAT-scores gevonden";
}

/** The column step. */
export function MappingStep(props: MappingStepProps) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  // Fields once shown stay shown, so that choosing "(geen)" does not make a dropdown vanish.
  const seen = useRef(new Set<StockField>());
  const { preview, overrides } = props;

  if (!props.sheet) {
    return (
      <div className={styles.root}>
        <MessageBar intent="info">
          <MessageBarBody>
            Er is geen voorraadtabel gekozen of gevonden, dus er zijn geen kolommen te kiezen. Het aanbod komt dan uit een
            aanbodtabel, als de werkmap die heeft.
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={props.onNext}>
            Verder naar regels
          </Button>
        </div>
      </div>
    );
  }

  const headers = preview ? [...new Set(preview.headers.map((h) => h.trim()).filter((h) => h !== ""))] : [];
  const mapped = preview ? STOCK_FIELDS.filter((f) => preview.mapping[f] !== undefined || overrides[f] !== undefined) : [];
  for (const f of mapped) seen.current.add(f);
  // Near matches (a column that resembles a field without a column): shown pre-filled, to confirm.
  const suggestions = new Map((preview?.suggesties ?? []).filter((s) => preview?.mapping[s.field] === undefined && overrides[s.field] === undefined)
    .map((s) => [s.field, s]));
  for (const f of suggestions.keys()) seen.current.add(f);
  const shown = showAll ? STOCK_FIELDS : STOCK_FIELDS.filter((f) => seen.current.has(f));
  const problems = preview ? preview.issues.filter((i) => i.severity !== "info") : [];

  return (
    <div className={styles.root}>
      <div className={styles.status} role="status" aria-live="polite">
        {preview ? (
          <>
            <Text>
              Blad &apos;{preview.sheet}&apos;
              {preview.headerRow > 0 ? `, kopregel op rij ${preview.headerRow}` : ", geen kopregel herkend"}.
            </Text>
            <Text weight="semibold">
              {nlInt(preview.rowsRead)} rijen gelezen, {nlInt(preview.rowsRejected)} terzijde gelegd.
            </Text>
            <Text>BAT-schaal: {scaleText(preview.batScale)}.</Text>
          </>
        ) : null}
        {props.loading && !props.progress ? <Spinner size="tiny" label="Voorbeeld wordt bijgewerkt…" /> : null}
      </div>
      {props.loading && props.progress ? (
        <Field label="Voorraad lezen" hint={`${nlInt(props.progress.done)} van ${nlInt(props.progress.total)} rijen`}>
          <ProgressBar
            value={props.progress.total > 0 ? props.progress.done / props.progress.total : 0}
            max={1}
            aria-valuetext={`${nlInt(props.progress.done)} van ${nlInt(props.progress.total)} rijen gelezen`}
          />
        </Field>
      ) : null}
      {props.loading && props.onCancel ? (
        <div className={styles.actions}>
          <Button icon={<DismissRegular />} onClick={props.onCancel}>
            Inlezen annuleren
          </Button>
        </div>
      ) : null}
      {props.cancelled ? (
        <MessageBar intent="info">
          <MessageBarBody>Het inlezen van de voorraad is gestopt. De kolommen zijn nog niet gecontroleerd; de analyse leest de voorraad zelf wel.</MessageBarBody>
          {props.onRetry ? (
            <MessageBarActions>
              <Button size="small" onClick={props.onRetry}>
                Opnieuw inlezen
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      {props.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{props.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {problems.length > 0 ? (
        <MessageBarGroup>
          {[
            ...problems.slice(0, MAX_ISSUES).map((issue, i) => (
              <MessageBar key={`${issue.code}-${i}`} intent={issue.severity === "fout" ? "error" : "warning"}>
                <MessageBarBody>
                  {issueLocation(issue) ? `${issueLocation(issue)}: ` : ""}
                  {issue.message}
                </MessageBarBody>
              </MessageBar>
            )),
            ...(problems.length > MAX_ISSUES
              ? [
                  <MessageBar key="meer" intent="info">
                    <MessageBarBody>En nog {nlInt(problems.length - MAX_ISSUES)} meldingen; na de analyse staan ze allemaal op blad Controle.</MessageBarBody>
                  </MessageBar>,
                ]
              : []),
          ]}
        </MessageBarGroup>
      ) : null}
      {preview ? (
        <>
          <Text>
            {mapped.length} van {STOCK_FIELDS.length} velden hebben een kolom. Klopt een kolom niet, kies dan de juiste.
          </Text>
          <div className={styles.fields}>
            {shown.map((field) => {
              const suggestion = suggestions.get(field);
              const current = preview.mapping[field] ?? suggestion?.header ?? NO_COLUMN;
              const hint = overrides[field] !== undefined ? "Door u gekozen."
                : preview.mapping[field] !== undefined ? "Automatisch herkend."
                : suggestion ? `Voorstel: kolom '${suggestion.header}' (${suggestion.cell}) lijkt op dit veld, maar is nog niet gebruikt. Bevestig het voorstel of kies een andere kolom.`
                : undefined;
              return (
                <Field key={field} label={FIELD_LABELS[field]} hint={hint} validationState={suggestion ? "warning" : "none"}>
                  <Dropdown
                    className={styles.dropdown}
                    value={current}
                    selectedOptions={[current]}
                    onOptionSelect={(_e, data) => {
                      if (data.optionValue === undefined) return;
                      props.onChange(field, data.optionValue === NO_COLUMN ? null : data.optionValue);
                    }}
                  >
                    <Option value={NO_COLUMN}>{NO_COLUMN}</Option>
                    {headers.map((h) => (
                      <Option key={h} value={h}>
                        {h}
                      </Option>
                    ))}
                  </Dropdown>
                  {suggestion ? (
                    <Button className={styles.confirm} size="small" onClick={() => props.onChange(field, suggestion.header)}>
                      Voorstel gebruiken: {FIELD_LABELS[field]} = &apos;{suggestion.header}&apos;
                    </Button>
                  ) : null}
                </Field>
              );
            })}
          </div>
        </>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={props.onNext}>
          Verder naar regels
        </Button>
        {preview ? (
          <Button aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
            {showAll ? "Alleen velden met een kolom" : `Alle ${STOCK_FIELDS.length} velden tonen`}
          </Button>
        ) : null}
        {Object.keys(overrides).length > 0 ? <Button onClick={props.onReset}>Automatisch herkennen</Button> : null}
      </div>
    </div>
  );
}
