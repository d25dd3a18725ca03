import { type WrittenLanguage, writtenLanguages } from "@samspill/domain";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Field } from "../components/Field.js";
import { SelectField } from "../components/SelectField.js";

// The organisation's own details, as the regional admin creates them and its admins edit them.

export interface OrganisationValues {
  name: string;
  shortName: string;
  orgNumber: string;
  website: string;
  email: string;
  language: WrittenLanguage;
}

export const emptyOrganisation: OrganisationValues = {
  name: "",
  shortName: "",
  orgNumber: "",
  website: "",
  email: "",
  language: "nb",
};

/** Empty fields clear what is stored. */
export const optional = (value: string) => (value.trim() === "" ? null : value.trim());

/** The values as the create and update mutations take them. */
export const organisationInput = (values: OrganisationValues) => ({
  name: values.name,
  shortName: optional(values.shortName),
  orgNumber: optional(values.orgNumber),
  website: optional(values.website),
  email: optional(values.email),
  language: values.language,
});

export function organisationLabels(t: TFunction): Record<keyof OrganisationValues, string> {
  return {
    name: t("people.name"),
    shortName: t("people.shortName"),
    orgNumber: t("people.orgNumber"),
    website: t("people.website"),
    email: t("people.email"),
    language: t("people.language"),
  };
}

export function OrganisationFields({
  values,
  onChange,
  errors,
}: {
  values: OrganisationValues;
  onChange: (values: OrganisationValues) => void;
  errors: Record<string, string[] | undefined>;
}) {
  const { t } = useTranslation();
  const labels = organisationLabels(t);
  const text: {
    name: Exclude<keyof OrganisationValues, "language">;
    type?: "email" | "url";
    hint?: string;
  }[] = [
    { name: "name" },
    { name: "shortName" },
    { name: "orgNumber", hint: t("people.orgNumberHint") },
    { name: "email", type: "email" },
    { name: "website", type: "url" },
  ];
  return (
    <>
      {text.map((field) => (
        <Field
          key={field.name}
          name={field.name}
          type={field.type}
          label={labels[field.name]}
          hint={field.hint}
          value={values[field.name]}
          onChange={(value) => onChange({ ...values, [field.name]: value })}
          required={field.name === "name"}
          errors={errors[field.name]}
        />
      ))}
      <SelectField
        id="field-language"
        label={labels.language}
        hint={t("people.languageHint")}
        value={values.language}
        onChange={(language) => onChange({ ...values, language: language as WrittenLanguage })}
        options={writtenLanguages.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
        errors={errors.language}
      />
    </>
  );
}
