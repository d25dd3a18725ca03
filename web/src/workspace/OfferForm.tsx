import {
  accessibilityFeatures,
  audiences,
  diagnosisGroups,
  diagnosisScopes,
  offerFormats,
  offerKinds,
  priorityGroups,
  topics,
  writtenLanguages,
} from "@samspill/domain";
import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "../components/CheckboxGroup.js";
import { Field } from "../components/Field.js";
import { PickList } from "../components/PickList.js";
import { RadioGroup } from "../components/RadioGroup.js";
import { SelectField } from "../components/SelectField.js";
import { enumOptions, languageLabel, languageOptions } from "../i18n/labels.js";
import type { FieldErrors } from "../shared/mutations.js";
import type { OfferFormValues } from "./offer-form.js";

interface OfferFormProps {
  values: OfferFormValues;
  onChange: (values: OfferFormValues) => void;
  onSubmit: () => void;
  errors: FieldErrors;
  units: { id: string; name: string }[];
  municipalities: readonly { number: string; name: string }[];
  submitLabel: string;
  saving: boolean;
}

/** Every field of CreateOfferInput / UpdateOfferInput, grouped as a person thinks of an offer. */
export function OfferForm({
  values,
  onChange,
  onSubmit,
  errors,
  units,
  municipalities,
  submitLabel,
  saving,
}: OfferFormProps) {
  const { t } = useTranslation();
  const ids = useId();
  const set =
    <K extends keyof OfferFormValues>(key: K) =>
    (value: OfferFormValues[K]) =>
      onChange({ ...values, [key]: value });
  const err = (key: keyof OfferFormValues) => errors[key];
  const errText = (key: keyof OfferFormValues) => errors[key]?.join(" ");
  const text = (key: keyof OfferFormValues & string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      name={key}
      label={t(`offerForm.${key}` as "offerForm.title")}
      value={values[key] as string}
      onChange={set(key) as (v: string) => void}
      errors={err(key)}
      {...extra}
    />
  );
  const check = (
    key:
      | "userRepPlanning"
      | "userRepDelivery"
      | "userRepEvaluation"
      | "a0099Eligible"
      | "interdisciplinary"
      | "requiresReferral",
    label: string,
  ) => (
    <li className={errors[key] ? "has-error" : undefined}>
      <input
        type="checkbox"
        id={`field-${key}`}
        checked={values[key]}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${ids}-${key}-error` : undefined}
        onChange={(e) => set(key)(e.currentTarget.checked)}
      />
      <label htmlFor={`field-${key}`}>{label}</label>
      {errors[key] && (
        <p id={`${ids}-${key}-error`} className="field-error">
          {errText(key)}
        </p>
      )}
    </li>
  );

  return (
    <form
      className="offer-form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset className="form-section">
        <legend>{t("offerForm.about")}</legend>
        {text("title", { required: true })}
        {text("summary", { required: true, multiline: true, hint: t("offerForm.summaryHint") })}
        {text("description", { multiline: true })}
        <SelectField
          id="field-textLanguage"
          label={t("offerForm.textLanguage")}
          hint={t("offerForm.textLanguageHint")}
          value={values.textLanguage}
          onChange={(v) => set("textLanguage")(v as typeof values.textLanguage)}
          options={writtenLanguages.map((code) => ({ value: code, label: languageLabel(t, code) }))}
          errors={err("textLanguage")}
        />
        <SelectField
          id="field-kind"
          label={t("offerForm.kind")}
          value={values.kind}
          onChange={(v) => set("kind")(v as typeof values.kind)}
          options={enumOptions(t, "offerKind", offerKinds)}
          errors={err("kind")}
        />
        {units.length > 0 && (
          <SelectField
            id="field-unitId"
            label={t("offerForm.unit")}
            value={values.unitId}
            onChange={set("unitId")}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            emptyLabel={t("offerForm.noUnit")}
            errors={err("unitId")}
          />
        )}
        <CheckboxGroup
          id="field-topics"
          legend={t("offerForm.topics")}
          options={enumOptions(t, "topic", topics)}
          selected={values.topics}
          onChange={set("topics")}
          error={errText("topics")}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("offerForm.diagnosis")}</legend>
        <RadioGroup
          id="field-diagnosisScope"
          legend={t("offerForm.diagnosisScope")}
          options={enumOptions(t, "diagnosisScope", diagnosisScopes)}
          value={values.diagnosisScope}
          onChange={set("diagnosisScope")}
        />
        {text("diagnosisCodes", { hint: t("offerForm.diagnosisCodesHint") })}
        <CheckboxGroup
          id="field-diagnosisGroups"
          legend={t("offerForm.diagnosisGroups")}
          options={enumOptions(t, "diagnosisGroup", diagnosisGroups)}
          selected={values.diagnosisGroups}
          onChange={set("diagnosisGroups")}
          error={errText("diagnosisGroups")}
          className="columns-2"
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("offerForm.whoFor")}</legend>
        <CheckboxGroup
          id="field-audiences"
          legend={t("offerForm.audiences")}
          options={enumOptions(t, "audience", audiences)}
          selected={values.audiences}
          onChange={set("audiences")}
          error={errText("audiences")}
        />
        <CheckboxGroup
          id="field-priorityGroups"
          legend={t("offerForm.priorityGroups")}
          options={enumOptions(t, "priorityGroup", priorityGroups)}
          selected={values.priorityGroups}
          onChange={set("priorityGroups")}
          error={errText("priorityGroups")}
        />
        <PickList
          id="field-municipalityNumbers"
          legend={t("offerForm.municipalities")}
          filterLabel={t("offerForm.municipalityFilter")}
          options={municipalities.map((m) => ({ value: m.number, label: m.name }))}
          selected={values.municipalityNumbers}
          onChange={set("municipalityNumbers")}
          summary={t("offerForm.municipalitiesChosen", { count: values.municipalityNumbers.length })}
          error={errText("municipalityNumbers")}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("offerForm.formatAndPlace")}</legend>
        <RadioGroup
          id="field-format"
          legend={t("offerForm.format")}
          options={enumOptions(t, "format", offerFormats)}
          value={values.format}
          onChange={set("format")}
        />
        {text("location")}
        {text("onlineUrl", { type: "url" })}
        <CheckboxGroup
          id="field-languages"
          legend={t("offerForm.languages")}
          options={languageOptions(t)}
          selected={values.languages}
          onChange={set("languages")}
          error={errText("languages")}
          className="columns-2"
        />
        <CheckboxGroup
          id="field-accessibility"
          legend={t("offerForm.accessibility")}
          options={enumOptions(t, "accessibility", accessibilityFeatures)}
          selected={values.accessibility}
          onChange={set("accessibility")}
          error={errText("accessibility")}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("offerForm.quality")}</legend>
        <fieldset className="checkbox-group">
          <legend>{t("offerForm.userReps")}</legend>
          <ul>
            {check("userRepPlanning", t("offer.userRepPlanning"))}
            {check("userRepDelivery", t("offer.userRepDelivery"))}
            {check("userRepEvaluation", t("offer.userRepEvaluation"))}
          </ul>
        </fieldset>
        <ul className="plain-checks">
          {check("interdisciplinary", t("offerForm.interdisciplinary"))}
          {check("a0099Eligible", t("offerForm.a0099Eligible"))}
        </ul>
        {text("reviewDueOn", { type: "date", hint: t("offerForm.reviewDueOnHint") })}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("offerForm.contact")}</legend>
        {text("contactName", { autoComplete: "name" })}
        {text("contactEmail", { type: "email", autoComplete: "email" })}
        {text("contactPhone", { type: "tel", autoComplete: "tel" })}
        {text("howToJoin", { multiline: true })}
        {text("registrationUrl", { type: "url" })}
        <ul className="plain-checks">{check("requiresReferral", t("offerForm.requiresReferral"))}</ul>
        {text("minimumParticipants", {
          type: "number",
          min: 0,
          hint: t("offerForm.minimumParticipantsHint"),
        })}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t("offerForm.saving") : submitLabel}
        </button>
      </div>
    </form>
  );
}
