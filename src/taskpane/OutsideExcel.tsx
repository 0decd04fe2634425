/**
 * What the task pane page shows when it is opened outside Excel (or when office.js could not be
 * loaded): a short notice and a link to the browser page.
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";

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

/** Props: `officeMissing` when office.js itself did not load (network or policy). */
export interface OutsideExcelProps {
  officeMissing?: boolean;
  /** Address of the browser page; default "index.html" beside this page. */
  browserHref?: string;
}

/** The notice outside Excel. */
export function OutsideExcel({ officeMissing = false, browserHref = "index.html" }: OutsideExcelProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        BAT → BZK woonvoorraad
      </Text>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>Deze pagina werkt in Excel.</MessageBarTitle>
          {officeMissing
            ? " Het onderdeel van Microsoft dat de verbinding met Excel maakt (office.js) kon niet worden geladen. Controleer de internetverbinding en open het taakvenster opnieuw."
            : " Open deze invoegtoepassing vanuit Excel (tabblad Start of Invoegtoepassingen). Zonder Excel kunt u de browserversie gebruiken: daar opent u zelf een werkmap en downloadt u het resultaat."}
        </MessageBarBody>
      </MessageBar>
      <Link href={browserHref}>Open de browserversie</Link>
    </main>
  );
}
