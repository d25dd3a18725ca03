import { type WrittenLanguage, writtenLanguages } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { ProblemAlert, settle, useFailure } from "./failure.js";
import { MutationErrorFields } from "./mutations.js";

// The written language of the signed-in person's own mails: bokmål, nynorsk or English, or
// (empty) the language their organisation writes. Shown on the page where they choose their mail.

const MyLanguageQuery = graphql(`
  query MyLanguage {
    myLanguage {
      chosen
      effective
    }
  }
`);

const SetMyLanguageMutation = graphql(
  `
  mutation SetMyLanguage($language: WrittenLanguage) {
    setMyLanguage(language: $language) {
      __typename
      ... on MutationSetMyLanguageSuccess {
        data {
          chosen
          effective
        }
      }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export function MailLanguageSetting() {
  const { t } = useTranslation();
  const headingId = useId();
  const [{ data, fetching, error }] = useQuery({ query: MyLanguageQuery });
  const [saving, save] = useMutation(SetMyLanguageMutation);
  const failure = useFailure();
  const [choice, setChoice] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const current = data?.myLanguage;
  if (!current) return <QueryStatus fetching={fetching} error={error} />;
  const value = choice ?? current.chosen ?? "";
  const name = (code: string) => t(`languages.${code}`);
  return (
    <section aria-labelledby={headingId} className="form-section">
      <h2 id={headingId}>{t("mailLanguage.heading")}</h2>
      <p>{t("mailLanguage.lead", { language: name(current.effective) })}</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(null);
          const language = value === "" ? null : (value as WrittenLanguage);
          const result = settle(failure, await save({ language }), "setMyLanguage");
          if (result) setSaved(name(result.effective));
        }}
      >
        <SelectField
          id="field-language"
          label={t("mailLanguage.label")}
          value={value}
          onChange={setChoice}
          options={writtenLanguages.map((code) => ({ value: code, label: name(code) }))}
          emptyLabel={t("mailLanguage.organisation")}
          errors={failure.errors.language}
        />
        <ProblemAlert problem={failure.problem} />
        <button type="submit" className="button" disabled={saving.fetching}>
          {t("mailLanguage.save")}
        </button>
        <p role="status">{saved ? t("mailLanguage.saved", { language: saved }) : ""}</p>
      </form>
    </section>
  );
}
