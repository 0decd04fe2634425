/**
 * What the task pane page shows when it cannot show the analysis: while it waits for Office.js
 * ({@link ConnectingToExcel}), and the notice with a link to the browser page
 * ({@link OutsideExcel}) when the page was opened outside Excel, when office.js could not be
 * loaded, or when Office.js never said it was ready (see src/taskpane/index.tsx).
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  title: {
    margin: 0,
  },
});

/**
 * Where the add-in's button is in Excel, as manifest.xml puts it: the group "Woonvoorraad" on
 * the built-in tab `TabData`, which Dutch Excel calls "Gegevens" (test/taskpane/entry.test.tsx
 * reads the manifest and checks that these names still match).
 */
export const RIBBON_PLACE = { tab: "Gegevens", group: "Woonvoorraad", button: "BAT → BZK" } as const;

/**
 * Why the notice is shown:
 * - `outside`: Office.js answered, but not from Excel (a browser tab, another Office app);
 * - `office-missing`: office.js itself did not load (no network, or blocked by a policy);
 * - `no-answer`: office.js loaded but `Office.onReady` did not resolve in time (Excel busy or
 *   the add-in's connection broken).
 */
export type OutsideReason = "outside" | "office-missing" | "no-answer";

/** Props of the notice. */
export interface OutsideExcelProps {
  /** Default "outside". */
  reason?: OutsideReason;
  /** Address of the browser page; default "index.html" beside this page. */
  browserHref?: string;
}

const TEXTS: Record<OutsideReason, { title: string; body: string }> = {
  outside: {
    title: "Deze pagina werkt in Excel.",
    body: ` Open deze invoegtoepassing vanuit Excel: tabblad ${RIBBON_PLACE.tab}, groep ${RIBBON_PLACE.group}, knop ${RIBBON_PLACE.button}. Zonder Excel kunt u de browserversie gebruiken: daar opent u zelf een werkmap en downloadt u het resultaat.`,
  },
  "office-missing": {
    title: "Deze pagina werkt in Excel.",
    body: " Het onderdeel van Microsoft dat de verbinding met Excel maakt (office.js) kon niet worden geladen. Controleer de internetverbinding en open het taakvenster opnieuw.",
  },
  "no-answer": {
    title: "Excel reageert niet.",
    body: ` Het taakvenster krijgt geen verbinding met Excel. Sluit het taakvenster en open het opnieuw (tabblad ${RIBBON_PLACE.tab}, knop ${RIBBON_PLACE.button}); helpt dat niet, sla uw werk op en start Excel opnieuw. Komt de verbinding alsnog, dan verschijnt het taakvenster vanzelf.`,
  },
};

/** The notice outside Excel. */
export function OutsideExcel({ reason = "outside", browserHref = "index.html" }: OutsideExcelProps) {
  const styles = useStyles();
  const text = TEXTS[reason];
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        BAT → BZK woonvoorraad
      </Text>
      <MessageBar intent={reason === "no-answer" ? "warning" : "info"} role={reason === "no-answer" ? "alert" : undefined}>
        <MessageBarBody>
          <MessageBarTitle>{text.title}</MessageBarTitle>
          {text.body}
        </MessageBarBody>
      </MessageBar>
      <Link href={browserHref}>Open de browserversie</Link>
    </main>
  );
}

/** Shown from the first moment until Office.js is ready, so that the pane is never blank. */
export function ConnectingToExcel() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        BAT → BZK woonvoorraad
      </Text>
      <Spinner size="small" label="Verbinding met Excel maken…" />
    </main>
  );
}
