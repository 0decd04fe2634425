/**
 * The task pane and browser page: one flow of steps (tables, columns, rules, run, results)
 * over an analysis session. Inside Excel the port is injected (Office.js adapter) and the
 * session runs on the page; in the browser the user opens an .xlsx (the page's entry opens it
 * in a Web Worker) and the result is downloaded. All workbook access goes through hooks, and so
 * do the effects: the saved settings restored once per workbook (hooks/useSettingsRestore.ts over
 * settings-restore.ts), the steps' focus (hooks/useStepFocus.ts, hooks/useFocusWhenShown.ts), the
 * opened file (hooks/useOpenedFile.ts), the preview wanted once the column step opened
 * (hooks/useOnceTrue.ts).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular, InfoRegular } from "@fluentui/react-icons";
import { useId, useMemo, useRef, useState, type ChangeEvent } from "react";
import { DEFAULT_RULES, type Rules } from "../domain/rules";
import { type MappingOverrides, type StockField } from "../ingest/types";
import { nlInt } from "../report/format";
import type { StoredSettings, WorkbookPort, WorkbookReader } from "../workbook/port";
import { AUTO, autoDemandSheet, autoStockSheet, type TableChoice } from "./choice";
import { useActivateSheet } from "./hooks/useActivateSheet";
import { useAnalysis } from "./hooks/useAnalysis";
import { browserStorage, useFirstRun, type FlagStorage } from "./hooks/useFirstRun";
import { useFocusWhenShown } from "./hooks/useFocusWhenShown";
import { useOnceTrue } from "./hooks/useOnceTrue";
import { useOpenedFile } from "./hooks/useOpenedFile";
import { useResultDownload } from "./hooks/useResultDownload";
import { useScenarioWrite } from "./hooks/useScenarioWrite";
import { useWhatIf } from "./hooks/useWhatIf";
import { useSelection } from "./hooks/useSelection";
import { useSettingsRestore } from "./hooks/useSettingsRestore";
import { saveBlob } from "./save-blob";
import { useStepFocus } from "./hooks/useStepFocus";
import { useStockPreview } from "./hooks/useStockPreview";
import { useWorkbookInfo } from "./hooks/useWorkbookInfo";
import { openXlsxFile, type OpenFile } from "../session/open-file";
import { quickFigures } from "../session/results";
import { formToRules, rulesToForm, type RuleFieldKey, type RulesFormValues, type RulesOrigin } from "./rules-form";
import { SELECTION_SHEET } from "./selection-reader";
import { portSession, type AnalysisSession, type RunSummary } from "../session/session";
import { FirstRun } from "./steps/FirstRun";
import { MappingStep } from "./steps/MappingStep";
import { ResultsStep } from "./steps/ResultsStep";
import { RulesStep } from "./steps/RulesStep";
import { QuickCheck, describeQuickRun, type QuickTable } from "./steps/QuickCheck";
import { RunStep } from "./steps/RunStep";
import { TablesStep } from "./steps/TablesStep";
import { WhatIfPanel } from "./steps/WhatIfPanel";
import type { Scenario } from "../session/whatif-view";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "720px",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: {
    margin: 0,
  },
  file: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  fileInput: {
    maxWidth: "100%",
    fontSize: tokens.fontSizeBase300,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
  },
  // Read by screen readers, not shown: the outcome of a run, which stays announced when the
  // pane moves on to the results step.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** Props of the App. */
export interface AppProps {
  /** "excel": inside the Excel task pane, with `port`; "browser": the standalone page, the user opens a file. */
  mode: "excel" | "browser";
  /** Excel route: the workbook (Office.js adapter). Not used in the browser route. */
  port?: WorkbookPort;
  /** Browser route: turns the chosen file into a session; default opens it on the page (ExcelJS
   * loaded on first use). The browser page's entry passes one that opens it in a Web Worker. */
  openFile?: OpenFile;
  /** Browser route: hands the result file (.xlsx) to the browser; default a Blob URL download. */
  saveFile?: (file: Blob, fileName: string) => void;
  /** Where the first-run explanation's "read" flag is kept; default localStorage, null = nowhere. */
  storage?: FlagStorage | null;
}

type StepId = "tabellen" | "kolommen" | "regels" | "uitvoeren" | "resultaten";

const STEP_TITLES: Record<StepId, string> = {
  tabellen: "1. Kies de tabellen",
  kolommen: "2. Kolommen",
  regels: "3. Regels",
  uitvoeren: "4. Uitvoeren",
  resultaten: "5. Resultaten",
};

/** The task pane / browser page. */
export function App(props: AppProps) {
  const { mode } = props;
  const styles = useStyles();
  const [storage] = useState<FlagStorage | null>(() => (props.storage === undefined ? browserStorage() : props.storage));
  const firstRun = useFirstRun(storage);
  const fileInputId = useId();
  const fileHintId = useId();

  const analysis = useAnalysis();
  const download = useResultDownload(props.saveFile ?? saveBlob);
  // The quick check: whether the current run was started there, and its figures' heading (which
  // takes the focus once the figures show).
  const [quickActive, setQuickActive] = useState(false);
  const figuresFocus = useFocusWhenShown();
  // Steps and focus: each newly opened step's heading gets the focus.
  const steps = useStepFocus<StepId>("tabellen");
  const { open, goTo } = steps;

  // The workbook: injected (Excel) or opened from a file (browser).
  const opened = useOpenedFile(props.openFile ?? openXlsxFile, () => {
    analysis.reset();
    download.reset();
    setQuickActive(false);
    restore.forget();
  });
  const file = opened.file;
  const port: WorkbookPort | null = mode === "excel" ? (props.port ?? null) : null;
  const excelSession = useMemo(() => (port ? portSession(port, port) : null), [port]);
  const workbook: AnalysisSession | null = mode === "excel" ? excelSession : (file?.session ?? null);
  const info = useWorkbookInfo(workbook);
  const selection = useSelection(port);

  // The user's choices.
  const [voorraad, setVoorraad] = useState<TableChoice>(AUTO);
  const [vraag, setVraag] = useState<TableChoice>(AUTO);
  /** "Opgave" sheets confirmed as a published shortage (TablesStep, OpgaveChoice.tsx). */
  const [opgaveAlsTekort, setOpgaveAlsTekort] = useState<readonly string[]>([]);
  const [overrides, setOverrides] = useState<MappingOverrides>({});
  const [baseRules, setBaseRules] = useState<Rules>(DEFAULT_RULES);
  const [ruleValues, setRuleValues] = useState<RulesFormValues>(() => rulesToForm(DEFAULT_RULES));
  const [restored, setRestored] = useState<{ intent: "info" | "warning"; text: string }[]>([]);
  /** Where the rules in force come from, as the quick check says: defaults, the workbook's saved ones, or the user's edits. */
  const [rulesFrom, setRulesFrom] = useState<RulesOrigin>("standaard");
  const [refresh, setRefresh] = useState(0);
  const validation = useMemo(() => formToRules(baseRules, ruleValues), [baseRules, ruleValues]);
  const lastValidRules = useRef<Rules>(DEFAULT_RULES);
  if (validation.rules) lastValidRules.current = validation.rules;

  const whatIf = useWhatIf(analysis.session, analysis.summary);
  const scenarioWrite = useScenarioWrite();
  // The panel keeps its input texts; each run starts it afresh from that run's scenario.
  const runCount = useRef(0);
  const panelKey = useMemo(() => ++runCount.current, [analysis.summary]);
  const sheetLink = useActivateSheet(mode === "excel" ? port : null);

  // Saved settings are applied once per workbook, when it has been read.
  const restore = useSettingsRestore(workbook, info, (r) => {
    setVoorraad(r.voorraad);
    setVraag(r.vraag);
    setOverrides(r.overrides);
    setRulesFrom(r.rulesFrom);
    setBaseRules(r.rules);
    setRuleValues(rulesToForm(r.rules));
    setRestored(r.notes);
    // A file just opened: the focus goes to its first step.
    if (opened.takeJustOpened()) goTo("tabellen");
  });

  // Which stock table is previewed and analysed: in Excel the workbook or the selection (read
  // through the selection's reader, written through the workbook).
  const selectionReader: WorkbookReader | null = voorraad.kind === "selection" ? selection.reader : null;
  const selectionSession = useMemo(() => (selectionReader && port ? portSession(selectionReader, port) : null), [selectionReader, port]);
  const session: AnalysisSession | null = voorraad.kind === "selection" ? selectionSession : workbook;
  const autoVoorraad = autoStockSheet(info.sheets);
  const autoVraag = autoDemandSheet(info.sheets);
  const stockSheet = voorraad.kind === "sheet" ? voorraad.name : voorraad.kind === "selection" ? (selection.reader ? SELECTION_SHEET : null) : autoVoorraad;
  // The stock is read for the preview only once the column step has been opened: opening the
  // pane reads the first rows of each sheet only (a run reads the stock itself).
  const previewWanted = useOnceTrue(open === "kolommen");
  const preview = useStockPreview(session, previewWanted ? stockSheet : null, validation.rules ?? lastValidRules.current, overrides, refresh);

  const onOpenFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const chosen = input.files?.[0];
    // Cleared at once, so that choosing the same (changed) file again opens it again.
    input.value = "";
    if (chosen) void opened.open(chosen);
  };

  const onVoorraadChange = async (choice: TableChoice) => {
    // Column choices belong to one table's headers.
    setOverrides({});
    if (choice.kind === "selection") {
      if (await selection.read()) setVoorraad(choice);
      return;
    }
    selection.clear();
    setVoorraad(choice);
  };

  const onReload = () => {
    info.reload();
    if (voorraad.kind === "selection") void selection.read();
    setRefresh((n) => n + 1);
  };

  const onMappingChange = (field: StockField, header: string | null) => {
    setOverrides((prev) => {
      const next: MappingOverrides = {};
      for (const [k, v] of Object.entries(prev) as [StockField, string][]) {
        // A column serves one field: taking it for this field releases it elsewhere.
        if (k !== field && v !== header) next[k] = v;
      }
      if (header !== null) next[field] = header;
      return next;
    });
  };

  const onRuleChange = <K extends RuleFieldKey>(key: K, value: RulesFormValues[K]) => {
    setRuleValues((prev) => ({ ...prev, [key]: value }));
    setRulesFrom("aangepast");
  };

  const onResetRules = () => {
    setBaseRules(DEFAULT_RULES);
    setRuleValues(rulesToForm(DEFAULT_RULES));
    setRulesFrom("standaard");
  };

  const settingsToSave = (rules: Rules): StoredSettings => ({
    regels: rules,
    kolommen: { ...overrides } as Record<string, string>,
    voorraad: voorraad.kind === "sheet" ? voorraad.name : undefined,
    vraag: vraag.kind === "sheet" ? vraag.name : undefined,
  });

  const blockedReason = !workbook
    ? "Open eerst een werkmap."
    : info.status !== "ready"
      ? "De werkmap wordt nog gelezen."
      : !validation.rules
        ? "Een of meer regels hebben een ongeldige waarde. Verbeter die bij stap 3, Regels, om te kunnen analyseren."
        : voorraad.kind === "selection" && !selection.reader
          ? "De selectie is nog niet gelezen. Kies 'Huidige selectie' opnieuw bij stap 1."
          : null;

  /** Runs the analysis with the current choices; resolves with the summary, or null (failed, cancelled, replaced). */
  const runAnalysis = async (): Promise<RunSummary | null> => {
    const rules = validation.rules;
    if (!rules || !session) return null;
    const summary = await analysis.run({
      session,
      write: mode === "excel",
      options: {
        voorraad: voorraad.kind === "sheet" ? voorraad.name : voorraad.kind === "selection" ? SELECTION_SHEET : undefined,
        vraag: vraag.kind === "sheet" ? vraag.name : undefined,
        rules,
        overrides,
      },
      settings: settingsToSave(rules),
    });
    if (summary) {
      download.reset();
      scenarioWrite.reset();
    }
    return summary;
  };

  const onRun = async () => {
    setQuickActive(false);
    if (await runAnalysis()) goTo("resultaten");
  };

  /** The quick check: the same run, its key figures shown at the top and the steps folded away. */
  const onQuickRun = async () => {
    setQuickActive(true);
    if (await runAnalysis()) {
      steps.foldAll();
      figuresFocus.request();
    }
  };

  /** The run's rules with the panel's scenario: saved with the result, so a re-run gives the same. */
  const rulesWithScenario = (rules: Rules): Rules => (whatIf.scenario ? { ...rules, watAls: whatIf.scenario } : rules);

  /** After the scenario went into the workbook or the file, it is the scenario of the rules too. */
  const adoptScenario = (scenario: Scenario | null) => {
    if (!scenario) return;
    setRulesFrom("aangepast");
    setBaseRules((prev) => ({ ...prev, watAls: scenario }));
    // The rules step shows the scenario too (its what-if fields).
    const shown = rulesToForm({ ...DEFAULT_RULES, watAls: scenario });
    setRuleValues((prev) => {
      const next = { ...prev } as Record<RuleFieldKey, string | boolean>;
      for (const key of Object.keys(shown) as RuleFieldKey[]) if (key.startsWith("watAls.")) next[key] = shown[key];
      return next as RulesFormValues;
    });
  };

  const onDownload = () => {
    if (!file || !analysis.summary) return;
    const scenario = whatIf.scenario;
    void download.download(file.session, settingsToSave(rulesWithScenario(analysis.summary.rules)), file.name, scenario ?? undefined).then((ok) => ok && adoptScenario(scenario));
  };

  const onWriteScenario = async () => {
    const scenario = whatIf.scenario;
    if (!analysis.session || !analysis.summary || !scenario) return;
    if (await scenarioWrite.write(analysis.session, settingsToSave(rulesWithScenario(analysis.summary.rules)), scenario)) adoptScenario(scenario);
  };

  const figures = analysis.summary?.figures ?? null;
  const doneText = figures
    ? figures.aanbod.length > 0
      ? `${nlInt(figures.eenheden)} woningen, waarvan ${nlInt(figures.minstensNultreden)} minstens nultreden.`
      : figures.tekortBerekend
        ? `Tekort berekend: ${figures.tekorten.length === 0 ? "geen tekort" : `${figures.tekorten.length} tekorten per woontype, jaar en scenario`}.`
        : null
    : null;

  const ready = info.status === "ready" || (info.status === "loading" && info.sheets.length > 0);
  const quickVoorraad: QuickTable =
    voorraad.kind === "selection"
      ? { sheet: null, how: "selectie" }
      : voorraad.kind === "sheet"
        ? { sheet: voorraad.name, how: "gekozen" }
        : autoVoorraad
          ? { sheet: autoVoorraad, how: "herkend" }
          : null;
  const quickVraag: QuickTable = vraag.kind === "sheet" ? { sheet: vraag.name, how: "gekozen" } : autoVraag ? { sheet: autoVraag, how: "herkend" } : null;
  const header = (id: StepId) => (
    <AccordionHeader as="h2" button={{ ref: steps.headerRef(id) }}>
      {STEP_TITLES[id]}
    </AccordionHeader>
  );

  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          BAT → BZK woonvoorraad
        </Text>
        {!firstRun.show ? (
          <Button appearance="subtle" size="small" icon={<InfoRegular />} onClick={firstRun.reopen}>
            Uitleg
          </Button>
        ) : null}
      </div>
      {firstRun.show ? <FirstRun onDismiss={firstRun.dismiss} /> : null}

      {mode === "browser" ? (
        <section className={styles.file} aria-label="Werkmap">
          <Label htmlFor={fileInputId} weight="semibold">
            Werkmap openen
          </Label>
          <input
            id={fileInputId}
            className={styles.fileInput}
            type="file"
            accept=".xlsx"
            aria-describedby={fileHintId}
            onChange={onOpenFile}
            disabled={opened.busy}
          />
          <Text id={fileHintId} size={200} className={styles.hint}>
            Kies een Excel-werkmap (.xlsx). Het bestand blijft op uw computer: er wordt niets verstuurd.
          </Text>
          <div role="status" aria-live="polite">
            {opened.busy ? <Spinner size="tiny" label="Werkmap wordt geopend…" /> : null}
            {file && !opened.busy ? <Text>{`Geopend: ${file.name}`}</Text> : null}
          </div>
          {opened.error ? (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{opened.error}</MessageBarBody>
            </MessageBar>
          ) : null}
        </section>
      ) : null}

      {mode === "excel" && !props.port ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>De verbinding met Excel ontbreekt. Sluit het taakvenster en open het opnieuw.</MessageBarBody>
        </MessageBar>
      ) : null}

      {info.status === "loading" && info.sheets.length === 0 ? <Spinner size="small" label="Werkmap wordt gelezen…" /> : null}
      {info.status === "error" ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{info.error}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={info.reload}>
              Opnieuw proberen
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {restored.length > 0 ? (
        <MessageBarGroup>
          {restored.map((n) => (
            <MessageBar key={n.text} intent={n.intent}>
              <MessageBarBody>{n.text}</MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button
                    appearance="transparent"
                    size="small"
                    aria-label="Melding sluiten"
                    icon={<DismissRegular />}
                    onClick={() => setRestored((list) => list.filter((x) => x !== n))}
                  />
                }
              />
            </MessageBar>
          ))}
        </MessageBarGroup>
      ) : null}

      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {analysis.status === "done" ? `Analyse klaar. ${doneText ?? ""}`.trim() : ""}
      </div>

      {ready ? (
        <QuickCheck
          mode={mode}
          uses={describeQuickRun(quickVoorraad, quickVraag, rulesFrom)}
          blockedReason={blockedReason}
          active={quickActive}
          status={analysis.status}
          stap={analysis.stap}
          fractie={analysis.fractie}
          error={analysis.error}
          figures={figures ? quickFigures(figures, analysis.summary?.rules.tekort.afronden ?? null) : null}
          onRun={() => void onQuickRun()}
          onCancel={analysis.cancel}
          onShowResults={() => goTo("resultaten")}
          figuresRef={figuresFocus.ref}
        />
      ) : null}

      {ready ? (
        <Accordion
          collapsible
          openItems={open ? [open] : []}
          onToggle={(_e, data) => steps.setOpen(data.openItems.length > 0 ? (data.value as StepId) : null)}
        >
          <AccordionItem value="tabellen">
            {header("tabellen")}
            <AccordionPanel>
              <TablesStep
                sheets={info.sheets}
                voorraad={voorraad}
                vraag={vraag}
                autoVoorraad={autoVoorraad}
                autoVraag={autoVraag}
                selectionAvailable={selection.available}
                selectionText={selection.text}
                busy={selection.busy || info.status === "loading"}
                onVoorraadChange={(c) => void onVoorraadChange(c)}
                onVraagChange={setVraag}
                opgaveAlsTekort={opgaveAlsTekort}
                onOpgaveAlsTekort={(sheet, tekort) => setOpgaveAlsTekort((l) => [...l.filter((x) => x !== sheet), ...(tekort ? [sheet] : [])])}
                onReload={onReload}
                onNext={() => goTo("kolommen")}
              />
              {selection.error ? (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{selection.error}</MessageBarBody>
                </MessageBar>
              ) : null}
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="kolommen">
            {header("kolommen")}
            <AccordionPanel>
              <MappingStep
                sheet={stockSheet}
                preview={preview.preview}
                loading={preview.status === "loading"}
                progress={preview.progress}
                onCancel={session?.previewCancellable ? preview.cancel : undefined}
                cancelled={preview.status === "cancelled"}
                onRetry={() => setRefresh((n) => n + 1)}
                error={preview.error}
                overrides={overrides}
                onChange={onMappingChange}
                onReset={() => setOverrides({})}
                onNext={() => goTo("regels")}
              />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="regels">
            {header("regels")}
            <AccordionPanel>
              <RulesStep
                values={ruleValues}
                errors={validation.errors}
                generalError={validation.general}
                onChange={onRuleChange}
                onReset={onResetRules}
                onNext={() => goTo("uitvoeren")}
              />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="uitvoeren">
            {header("uitvoeren")}
            <AccordionPanel>
              <RunStep
                mode={mode}
                blockedReason={blockedReason}
                status={analysis.status}
                stap={analysis.stap}
                fractie={analysis.fractie}
                error={analysis.error}
                outcome={analysis.outcome}
                doneText={doneText}
                onRun={() => void onRun()}
                onCancel={analysis.cancel}
                onShowRules={validation.rules ? undefined : () => goTo("regels")}
              />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="resultaten" disabled={!figures}>
            {header("resultaten")}
            <AccordionPanel>
              {figures ? (
                <ResultsStep
                  mode={mode}
                  figures={figures}
                  afronden={analysis.summary?.rules.tekort.afronden ?? null}
                  sheets={analysis.outcome?.sheets ?? null}
                  onActivateSheet={sheetLink.activate ? (name) => void sheetLink.activate?.(name) : undefined}
                  activateError={sheetLink.error}
                  onDownload={mode === "browser" ? onDownload : undefined}
                  download={download}
                  whatIf={
                    analysis.summary?.watAls && whatIf.scenario ? (
                      <WhatIfPanel
                        key={panelKey}
                        mode={mode}
                        options={analysis.summary.watAls}
                        initial={analysis.summary.watAls.standaard}
                        onChange={whatIf.update}
                        view={whatIf.view}
                        busy={whatIf.status === "busy"}
                        error={whatIf.error}
                        onOutput={mode === "excel" ? () => void onWriteScenario() : onDownload}
                        output={
                          mode === "excel"
                            ? { status: scenarioWrite.status, fractie: scenarioWrite.fractie, message: scenarioWrite.message }
                            : {
                                status: download.status,
                                fractie: null,
                                // The full message stands (and is announced) at 'Resultaat', above.
                                message:
                                  download.status === "done"
                                    ? "Het resultaat is gedownload; zie de melding bij Resultaat, bovenaan."
                                    : download.status === "error"
                                      ? "Downloaden is niet gelukt; zie de melding bij Resultaat, bovenaan."
                                      : null,
                              }
                        }
                        onCancelOutput={mode === "excel" && analysis.session?.writeCancellable ? scenarioWrite.cancel : undefined}
                      />
                    ) : (
                      <Text>Wat-als kan alleen met een voorraad per woning (of per groep woningen): die is in deze analyse niet gevonden.</Text>
                    )
                  }
                />
              ) : null}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}
    </main>
  );
}
