/**
 * The first-run explanation: what BAT and the BZK housing types are, in a few plain sentences,
 * for someone who never heard of them. Dismissable; the App remembers the choice.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";

const useStyles = makeStyles({
  card: {
    marginBottom: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: {
    margin: 0,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  actions: {
    display: "flex",
    justifyContent: "flex-end",
  },
});

/** Props of the explanation: `onDismiss` hides it (and the App remembers that). */
export interface FirstRunProps {
  onDismiss: () => void;
}

/** The sentences of the explanation (also used by tests). */
export const FIRST_RUN_SENTENCES: readonly string[] = [
  "Corporaties geven elke woning een BAT-score: een cijfer dat zegt hoe toegankelijk de woning is, van 0 (niet geschikt bij lichamelijke beperkingen) tot 4 (geschikt voor verpleegzorg).",
  "Het Rijk (de ministeries BZK en VWS) telt woningen voor ouderen in drie woontypen.",
  "Een nultredenwoning kunt u zonder trap in, en keuken, badkamer, wc en een slaapkamer zijn zonder trap te bereiken.",
  "Een geclusterde woonvorm is een groep van minstens 12 nultredenwoningen met een ontmoetingsruimte, waar vooral mensen van 55 jaar en ouder wonen.",
  "Een zorggeschikte woning hoort bij zo'n groep, is geschikt voor een rollator of rolstoel en er wordt langdurige zorg (Wlz) geleverd.",
  "Deze tool deelt elke woning in een woontype in, telt het aanbod, zet dat tegen de vraag en laat zien hoeveel woningen aan te passen zijn; de regels kunt u zelf inzien en wijzigen.",
];

/** The explanation card with a "Begrepen" button. */
export function FirstRun({ onDismiss }: FirstRunProps) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <section className={styles.card} aria-labelledby={titleId}>
      <Text as="h2" id={titleId} weight="semibold" size={400} className={styles.title}>
        Wat doet deze tool?
      </Text>
      <ul className={styles.list}>
        {FIRST_RUN_SENTENCES.map((s) => (
          <li key={s}>
            <Text>{s}</Text>
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onDismiss}>
          Begrepen
        </Button>
      </div>
    </section>
  );
}
