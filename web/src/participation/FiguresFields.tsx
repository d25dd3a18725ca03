import { participantFields, userRepFields } from "@samspill/domain";
import { useTranslation } from "react-i18next";
import { Field } from "../components/Field.js";
import type { FieldErrors } from "../shared/mutations.js";
import { type CountField, type FiguresValues, totalOf } from "./report-form.js";

interface FiguresFieldsProps<V extends FiguresValues> {
  values: V;
  onChange: (values: V) => void;
  errors: FieldErrors;
}

/** Period, participants by audience (with their total), user representatives by phase, notes. */
export function FiguresFields<V extends FiguresValues>({ values, onChange, errors }: FiguresFieldsProps<V>) {
  const { t } = useTranslation();
  const set = (key: keyof FiguresValues) => (value: string) => onChange({ ...values, [key]: value });
  const count = (key: CountField) => (
    <Field
      key={key}
      name={key}
      type="number"
      min={0}
      label={t(`participation.${key}`)}
      value={values[key]}
      onChange={set(key)}
      errors={errors[key]}
    />
  );
  const total = totalOf(values);
  return (
    <>
      <fieldset className="form-section">
        <legend>{t("participation.period")}</legend>
        <p className="hint">{t("participation.periodHint")}</p>
        <div className="form-grid">
          <Field
            name="periodStart"
            type="date"
            required
            label={t("participation.periodStart")}
            value={values.periodStart}
            onChange={set("periodStart")}
            errors={errors.periodStart}
          />
          <Field
            name="periodEnd"
            type="date"
            required
            label={t("participation.periodEnd")}
            value={values.periodEnd}
            onChange={set("periodEnd")}
            errors={errors.periodEnd}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("participation.participants")}</legend>
        <p className="hint">{t("participation.participantsHint")}</p>
        <div className="form-grid">{participantFields.map(count)}</div>
        {/* Announced as it changes: the total is what the user representatives are checked against. */}
        <p className="count" aria-live="polite" aria-atomic="true">
          {t("participation.total", { count: total })}
        </p>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("participation.userReps")}</legend>
        <p className="hint">{t("participation.userRepsHint")}</p>
        <div className="form-grid">{userRepFields.map(count)}</div>
      </fieldset>

      <div className="form-section">
        <Field
          name="notes"
          multiline
          label={t("participation.notes")}
          hint={t("participation.notesHint")}
          value={values.notes}
          onChange={set("notes")}
          errors={errors.notes}
        />
      </div>
    </>
  );
}
