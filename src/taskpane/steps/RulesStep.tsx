/**
 * Step 3, "Regels": the classification rules with their defaults, editable, each with the
 * source of its default; validated with the rules schema, messages shown per field. Besides the
 * classification: the margins of the clustering potential, the reference year of the stock for
 * planned changes, and the what-if scenario the analysis starts with.
 */
import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Switch, Text } from "@fluentui/react-components";
import { ArrowResetRegular } from "@fluentui/react-icons";
import { useFormStyles } from "../form-styles";
import { BAT_SCALE_CHOICES, RULE_FIELDS, type BooleanRuleKey, type RuleErrors, type RuleFieldKey, type RuleFieldMeta, type RulesFormValues, type TextRuleKey } from "../rules-form";


/** Props of the rules step. */
export interface RulesStepProps {
  values: RulesFormValues;
  /** One Dutch message per wrong field (from `formToRules`). */
  errors: RuleErrors;
  /** A message about rules outside the form (e.g. wrong rules saved in the workbook). */
  generalError: string | null;
  onChange: <K extends RuleFieldKey>(key: K, value: RulesFormValues[K]) => void;
  /** "Standaard herstellen": every rule back to its default. */
  onReset: () => void;
  onNext: () => void;
}

function isBoolean(meta: RuleFieldMeta): meta is RuleFieldMeta & { key: BooleanRuleKey } {
  return meta.kind === "boolean";
}

/** The rules step. */
export function RulesStep(props: RulesStepProps) {
  const styles = useFormStyles();
  const groups = [...new Set(RULE_FIELDS.map((f) => f.group))];
  const errorCount = Object.keys(props.errors).length;

  const control = (meta: RuleFieldMeta) => {
    if (isBoolean(meta)) {
      return (
        <Field key={meta.key} hint={meta.source} validationMessage={props.errors[meta.key]}>
          <Switch label={meta.label} checked={props.values[meta.key]} onChange={(_e, data) => props.onChange(meta.key, data.checked)} />
        </Field>
      );
    }
    const key = meta.key as TextRuleKey;
    const error = props.errors[key];
    if (meta.kind === "choice") {
      const current = BAT_SCALE_CHOICES.find((c) => c.value === props.values[key]);
      return (
        <Field key={key} label={meta.label} hint={meta.source} validationMessage={error}>
          <Dropdown
            className={styles.input}
            value={current?.text ?? ""}
            selectedOptions={[props.values[key]]}
            onOptionSelect={(_e, data) => data.optionValue && props.onChange(key, data.optionValue)}
          >
            {(meta.choices ?? []).map((c) => (
              <Option key={c.value} value={c.value}>
                {c.text}
              </Option>
            ))}
          </Dropdown>
        </Field>
      );
    }
    return (
      <Field key={key} label={meta.label} hint={meta.source} validationMessage={error} validationState={error ? "error" : "none"}>
        <Input
          className={styles.input}
          inputMode={meta.kind === "percent" || meta.kind === "number" ? "decimal" : "numeric"}
          value={props.values[key]}
          contentAfter={meta.unit ? <Text aria-hidden="true">{meta.unit}</Text> : undefined}
          onChange={(_e, data) => props.onChange(key, data.value)}
        />
      </Field>
    );
  };

  return (
    <div className={styles.root}>
      <Text>
        Met deze regels wordt elke woning ingedeeld. De standaardwaarden volgen de BZK/VWS-definities van 21 september 2023
        en de Kerkraadse afspraken; onder elke regel staat de bron. Uw regels worden met het resultaat in de werkmap bewaard.
      </Text>
      {props.generalError ? (
        <MessageBar intent="error">
          <MessageBarBody>{props.generalError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {groups.map((group) => (
        <fieldset key={group} className={styles.group}>
          <legend className={styles.legend}>{group}</legend>
          {RULE_FIELDS.filter((f) => f.group === group).map(control)}
        </fieldset>
      ))}
      {errorCount > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {errorCount === 1 ? "Eén regel heeft" : `${errorCount} regels hebben`} een ongeldige waarde. Verbeter die om te
            kunnen analyseren.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={props.onNext}>
          Verder naar uitvoeren
        </Button>
        <Button icon={<ArrowResetRegular />} onClick={props.onReset}>
          Standaard herstellen
        </Button>
      </div>
    </div>
  );
}
