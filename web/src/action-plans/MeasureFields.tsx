import { type Cadence, cadences } from "@samspill/domain";
import { useTranslation } from "react-i18next";
import { Field } from "../components/Field.js";
import { SelectField } from "../components/SelectField.js";
import type { FieldErrors } from "../shared/mutations.js";
import type { Measure } from "./queries.js";

/** A measure's wording and schedule as typed: numbers stay text until sent. */
export interface MeasureDraft {
  text: string;
  /** Comma-separated, e.g. "HF, RHF". */
  responsible: string;
  startYear: string;
  checkpointRaw: string;
  checkpointYear: string;
  cadence: string;
  cadenceYears: string;
  cadenceMonth: string;
}

export const emptyDraft: MeasureDraft = {
  text: "",
  responsible: "",
  startYear: "",
  checkpointRaw: "",
  checkpointYear: "",
  cadence: "",
  cadenceYears: "",
  cadenceMonth: "",
};

const text = (n: number | null | undefined) => (n == null ? "" : String(n));

export function draftOf(m: Measure): MeasureDraft {
  return {
    text: m.text,
    responsible: m.responsibleParties.join(", "),
    startYear: text(m.startYear),
    checkpointRaw: m.checkpointRaw ?? "",
    checkpointYear: text(m.checkpointYear),
    cadence: m.cadence ?? "",
    cadenceYears: text(m.cadenceYears),
    cadenceMonth: text(m.cadenceMonth),
  };
}

// An empty number field means "none" (a number input gives "" for what is not a number).
const number = (s: string) => (s.trim() === "" ? null : Number(s));

/** The draft as the addMeasure/reviseMeasure input's fields. */
export function inputOf(d: MeasureDraft) {
  return {
    text: d.text,
    responsibleParties: d.responsible
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    startYear: number(d.startYear),
    checkpointRaw: d.checkpointRaw.trim() || null,
    checkpointYear: number(d.checkpointYear),
    cadence: (d.cadence || null) as Cadence | null,
    cadenceYears: number(d.cadenceYears),
    cadenceMonth: number(d.cadenceMonth),
  };
}

/** The labels an error summary shows for the fields' errors. */
export function useMeasureLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    text: t("actionPlans.measureText"),
    responsibleParties: t("actionPlans.responsible"),
    startYear: t("actionPlans.startYear"),
    checkpointRaw: t("actionPlans.checkpointRaw"),
    checkpointYear: t("actionPlans.checkpointYear"),
    cadence: t("actionPlans.cadence"),
    cadenceYears: t("actionPlans.cadenceYears"),
    cadenceMonth: t("actionPlans.cadenceMonth"),
    reason: t("actionPlans.reason"),
  };
}

/** The fields of a measure, shared by adding one and revising one. */
export function MeasureFields({
  draft,
  onChange,
  errors,
}: {
  draft: MeasureDraft;
  onChange: (draft: MeasureDraft) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const field = (name: keyof typeof labels, key: keyof MeasureDraft, hint?: string, type?: "number") => (
    <Field
      name={name}
      type={type}
      label={labels[name] ?? ""}
      hint={hint}
      value={draft[key]}
      onChange={(value) => onChange({ ...draft, [key]: value })}
      errors={errors[name]}
    />
  );
  return (
    <>
      <Field
        name="text"
        label={labels.text ?? ""}
        value={draft.text}
        onChange={(text) => onChange({ ...draft, text })}
        errors={errors.text}
        multiline
        required
      />
      {field("responsibleParties", "responsible", t("actionPlans.responsibleHint"))}
      {field("startYear", "startYear", undefined, "number")}
      {field("checkpointRaw", "checkpointRaw", t("actionPlans.checkpointRawHint"))}
      <SelectField
        id="field-cadence"
        label={labels.cadence ?? ""}
        value={draft.cadence}
        emptyLabel={t("actionPlans.notGiven")}
        options={cadences.map((value) => ({ value, label: t(`actionPlans.cadences.${value}`) }))}
        onChange={(cadence) => onChange({ ...draft, cadence })}
        errors={errors.cadence}
      />
      {field("checkpointYear", "checkpointYear", t("actionPlans.checkpointYearHint"), "number")}
      {field("cadenceYears", "cadenceYears", t("actionPlans.cadenceYearsHint"), "number")}
      {field("cadenceMonth", "cadenceMonth", t("actionPlans.cadenceMonthHint"), "number")}
    </>
  );
}
