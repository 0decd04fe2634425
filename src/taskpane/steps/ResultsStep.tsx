/**
 * Step 5, "Resultaten": the key figures beside the result sheets: supply per BZK type
 * (exclusive and cumulative), the shortages per category, year and scenario, the adaptation
 * potential, the what-if panel (WhatIfPanel.tsx), the way to the result sheets (Excel) or the
 * download (browser), and the Controle messages grouped by severity, each with its sheet and cell.
 *
 * The sections that show only the run's figures (supply, tekort, adaptation potential, Controle)
 * are memoised components: the whole pane renders again on every keystroke in the what-if panel
 * (its state lives in App), and those sections, the tekort grids of a stock with demand above all,
 * were most of that work; they render again only when the run's figures change.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  MessageBar,
  MessageBarBody,
  MessageBarGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  createTableColumn,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, TableRegular } from "@fluentui/react-icons";
import { memo, type ReactNode } from "react";
import type { Severity } from "../../domain/issues";
import { SHEET_KINDS, type SheetKind } from "../../report/sheet-model";
import { nlInt, nlPct } from "../../report/format";
import type { DownloadState } from "../hooks/useResultDownload";
import { SEVERITIES, SEVERITY_LABELS } from "../../session/labels";
import { issueLocation, type KeyFigures, type ShortageRow } from "../../session/results";

const MAX_MESSAGES = 50;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
  number: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
  },
  sheetButtons: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXS,
  },
  messages: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

/** Props of the results step. */
export interface ResultsStepProps {
  mode: "excel" | "browser";
  figures: KeyFigures;
  /** Rounding step of the tekort (said in a note), or null. */
  afronden: number | null;
  /** Excel route: the result sheets written (kind → name). */
  sheets: Partial<Record<SheetKind, string>> | null;
  /** Excel route: makes a result sheet the active one; absent when the port cannot. */
  onActivateSheet?: (name: string) => void;
  /** Dutch message when activating a sheet failed. */
  activateError?: string | null;
  /** Browser route: writes the result sheets and downloads the workbook. */
  onDownload?: () => void;
  download?: DownloadState;
  /** The what-if panel (or why there is none), shown after the adaptation potential. */
  whatIf?: ReactNode;
}

const SHEET_ORDER: readonly SheetKind[] = SHEET_KINDS;

const INTENT: Record<Severity, "error" | "warning" | "info"> = { fout: "error", waarschuwing: "warning", info: "info" };

const shortageColumns: TableColumnDefinition<ShortageRow>[] = [
  createTableColumn<ShortageRow>({ columnId: "jaar", renderHeaderCell: () => "Jaar", renderCell: (r) => String(r.jaar) }),
  createTableColumn<ShortageRow>({ columnId: "scenario", renderHeaderCell: () => "Scenario", renderCell: (r) => r.scenario ?? "–" }),
  createTableColumn<ShortageRow>({ columnId: "categorie", renderHeaderCell: () => "Woontype", renderCell: (r) => r.categorie }),
  createTableColumn<ShortageRow>({ columnId: "tekort", renderHeaderCell: () => "Tekort", renderCell: (r) => nlInt(r.tekort) }),
];

function groupBy<T>(items: readonly T[], key: (t: T) => string): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return [...map.entries()];
}

/** The results step. */
export function ResultsStep(props: ResultsStepProps) {
  const styles = useStyles();
  const f = props.figures;

  return (
    <div className={styles.root}>
      {props.mode === "browser" && props.onDownload ? (
        <section className={styles.section} aria-labelledby="resultaat-download">
          <Text as="h3" id="resultaat-download" weight="semibold" className={styles.heading}>
            Resultaat
          </Text>
          <Text>De resultaatbladen komen in een kopie van uw werkmap; uw bestand zelf blijft ongewijzigd.</Text>
          <div>
            <Button appearance="primary" icon={<ArrowDownloadRegular />} onClick={props.onDownload} disabled={props.download?.status === "busy"}>
              Resultaat downloaden
            </Button>
          </div>
          <div role="status" aria-live="polite">
            {props.download?.status === "done" && props.download.message ? (
              <MessageBar intent="success">
                <MessageBarBody>{props.download.message}</MessageBarBody>
              </MessageBar>
            ) : null}
          </div>
          {props.download?.status === "error" && props.download.message ? (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{props.download.message}</MessageBarBody>
            </MessageBar>
          ) : null}
        </section>
      ) : null}

      <SupplySection figures={f} />
      <ShortageSection figures={f} afronden={props.afronden} />
      <PotentialSection figures={f} />

      {props.whatIf ? (
        <section className={styles.section} aria-labelledby="resultaat-watals">
          <Text as="h3" id="resultaat-watals" weight="semibold" className={styles.heading}>
            Wat als?
          </Text>
          {props.whatIf}
        </section>
      ) : null}

      {props.mode === "excel" && props.sheets ? (
        <section className={styles.section} aria-labelledby="resultaat-bladen">
          <Text as="h3" id="resultaat-bladen" weight="semibold" className={styles.heading}>
            Resultaatbladen
          </Text>
          <div className={styles.sheetButtons}>
            {SHEET_ORDER.filter((k) => props.sheets?.[k]).map((k) => {
              const name = props.sheets![k]!;
              return props.onActivateSheet ? (
                <Button key={k} appearance="subtle" icon={<TableRegular />} onClick={() => props.onActivateSheet?.(name)}>
                  {`Naar blad ${name}`}
                </Button>
              ) : (
                <Text key={k}>{`Blad ${name}`}</Text>
              );
            })}
          </div>
          {props.activateError ? (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{props.activateError}</MessageBarBody>
            </MessageBar>
          ) : null}
        </section>
      ) : null}

      <ControleSection figures={f} />
    </div>
  );
}

/** Supply per BZK type (from the stock), or the supply table's figures. */
const SupplySection = memo(function SupplySection({ figures: f }: { figures: KeyFigures }) {
  const styles = useStyles();
  const supplyGroups = groupBy(f.aanbodTabel, (r) => r.groep ?? "");
  return (
    <section className={styles.section} aria-labelledby="resultaat-aanbod">
      <Text as="h3" id="resultaat-aanbod" weight="semibold" className={styles.heading}>
        Aanbod
      </Text>
      {f.aanbod.length > 0 ? (
        <>
          <Text>
            {nlInt(f.eenheden)} woningen, waarvan {nlInt(f.minstensNultreden)} minstens nultreden (BAT-schaal{" "}
            {f.batScale === "vera" ? "VERA" : "Limburg 0-4"}).
          </Text>
          <Table size="extra-small" aria-label="Aanbod per BZK-woontype">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Woontype</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Hoogste type</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Minstens dit type</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {f.aanbod.map((r) => (
                <TableRow key={r.type}>
                  <TableCell>{r.type}</TableCell>
                  <TableCell className={styles.number}>{nlInt(r.exclusief)}</TableCell>
                  <TableCell className={styles.number}>{r.cumulatief === null ? "–" : nlInt(r.cumulatief)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : supplyGroups.length > 0 ? (
        <>
          <Text>Uit de aanbodtabel (hoogste type, exclusief):</Text>
          {supplyGroups.map(([groep, rows]) => (
            <Table key={groep} size="extra-small" aria-label={`Aanbod ${groep}`.trim()}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{groep ? `Woontype (${groep})` : "Woontype"}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Aanbod</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.categorie}>
                    <TableCell>{r.categorie}</TableCell>
                    <TableCell className={styles.number}>{nlInt(r.aanbod)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ))}
        </>
      ) : (
        <Text>Er is geen voorraad of aanbod gevonden.</Text>
      )}
    </section>
  );
});

/** The shortages per category, year and scenario: one grid per group (and area). */
const ShortageSection = memo(function ShortageSection({ figures: f, afronden }: { figures: KeyFigures; afronden: number | null }) {
  const styles = useStyles();
  const shortageGroups = groupBy(f.tekorten, (t) => [t.groep ?? "", t.gebied ?? ""].filter(Boolean).join(", "));
  return (
    <section className={styles.section} aria-labelledby="resultaat-tekort">
      <Text as="h3" id="resultaat-tekort" weight="semibold" className={styles.heading}>
        Tekort
      </Text>
      {!f.tekortBerekend ? (
        <Text>Niet berekend: er is geen vraagtabel (of geen aanbod) gevonden. Zie de meldingen hieronder.</Text>
      ) : f.tekorten.length === 0 ? (
        <Text>Geen tekort: per woontype is het aanbod in elk jaar en scenario groter dan of gelijk aan de vraag.</Text>
      ) : (
        <>
          <Text>
            Woontypen waar de vraag groter is dan het aanbod (per categorie){afronden ? `, afgerond op ${afronden}` : ""}. Alle
            lezingen staan op blad Tekort.
          </Text>
          {shortageGroups.map(([groep, rows]) => (
            <div key={groep} className={styles.section}>
              {groep ? (
                <Text as="h4" size={200} weight="semibold" className={styles.heading}>
                  {groep}
                </Text>
              ) : null}
              <DataGrid items={rows} columns={shortageColumns} size="extra-small" aria-label={groep ? `Tekort ${groep}` : "Tekort"}>
                <DataGridHeader>
                  <DataGridRow>
                    {({ renderHeaderCell, columnId }) => (
                      <DataGridHeaderCell className={columnId === "tekort" ? styles.number : undefined}>{renderHeaderCell()}</DataGridHeaderCell>
                    )}
                  </DataGridRow>
                </DataGridHeader>
                <DataGridBody<ShortageRow>>
                  {({ item, rowId }) => (
                    <DataGridRow<ShortageRow> key={rowId}>
                      {({ renderCell, columnId }) => (
                        <DataGridCell className={columnId === "tekort" ? styles.number : undefined}>{renderCell(item)}</DataGridCell>
                      )}
                    </DataGridRow>
                  )}
                </DataGridBody>
              </DataGrid>
            </div>
          ))}
        </>
      )}
    </section>
  );
});

/** The adaptation potential of the stock, or why there is none. */
const PotentialSection = memo(function PotentialSection({ figures: f }: { figures: KeyFigures }) {
  const styles = useStyles();
  const pct = (n: number) => (f.potentieel && f.potentieel.totaal > 0 ? nlPct(n / f.potentieel.totaal) : "");
  return (
    <section className={styles.section} aria-labelledby="resultaat-potentieel">
      <Text as="h3" id="resultaat-potentieel" weight="semibold" className={styles.heading}>
        Aanpassingspotentieel
      </Text>
      {f.potentieel ? (
        <Table size="extra-small" aria-label="Aanpassingspotentieel">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Beoordeling</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Woningen</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Aandeel</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(["geschikt", "potentieel", "ongeschikt", "onbekend"] as const).map((k) => (
              <TableRow key={k}>
                <TableCell>{k}</TableCell>
                <TableCell className={styles.number}>{nlInt(f.potentieel![k])}</TableCell>
                <TableCell className={styles.number}>{pct(f.potentieel![k])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text>Niet bepaald: er is geen voorraad per woning of per groep gevonden.</Text>
      )}
    </section>
  );
});

/** The balance and the Controle messages grouped by severity ({@link MAX_MESSAGES} at most per severity). */
const ControleSection = memo(function ControleSection({ figures: f }: { figures: KeyFigures }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="resultaat-controle">
      <Text as="h3" id="resultaat-controle" weight="semibold" className={styles.heading}>
        Controle
      </Text>
      <Text>
        Balans: {nlInt(f.balans.gelezen)} rijen gelezen = {nlInt(f.balans.ingedeeld)} ingedeeld + {nlInt(f.balans.terzijde)} terzijde
        gelegd.
      </Text>
      <Accordion multiple collapsible defaultOpenItems={f.meldingen.fout.length > 0 ? ["fout"] : []}>
        {SEVERITIES.map((sev) => {
          const list = f.meldingen[sev];
          return (
            <AccordionItem key={sev} value={sev} disabled={list.length === 0}>
              <AccordionHeader as="h4" size="small">{`${SEVERITY_LABELS[sev]} (${list.length})`}</AccordionHeader>
              <AccordionPanel>
                <MessageBarGroup className={styles.messages}>
                  {list.slice(0, MAX_MESSAGES).map((issue, i) => (
                    <MessageBar key={`${issue.code}-${i}`} intent={INTENT[sev]} layout="multiline">
                      <MessageBarBody>
                        {issueLocation(issue) ? <Text weight="semibold">{`${issueLocation(issue)}: `}</Text> : null}
                        {issue.message}
                      </MessageBarBody>
                    </MessageBar>
                  ))}
                </MessageBarGroup>
                {list.length > MAX_MESSAGES ? <Text>{`En nog ${nlInt(list.length - MAX_MESSAGES)} meldingen op blad Controle.`}</Text> : null}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
});
