/**
 * Styles shared by the pane's forms (the rules step and the what-if panel): a column of
 * fieldsets without borders, their legends, inputs that fill the pane's width, and a wrapping
 * row of buttons.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

/** Classes: root (the form's column), group (a fieldset or section), legend, input, actions. */
export const useFormStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: "none",
    margin: 0,
    padding: 0,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  input: {
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
