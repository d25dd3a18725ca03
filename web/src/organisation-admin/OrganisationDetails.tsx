import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import {
  OrganisationFields,
  type OrganisationValues,
  organisationInput,
  organisationLabels,
} from "./OrganisationFields.js";
import { type AdministeredOrganisation, UpdateOrganisationMutation } from "./queries.js";

/** The organisation's own details, saved on the version shown (a stale one answers a conflict). */
export function OrganisationDetails({
  organisation,
  onSaved,
}: {
  organisation: AdministeredOrganisation;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const failure = useFailure();
  const [saved, setSaved] = useState(false);
  const [values, setValues] = useState<OrganisationValues>({
    name: organisation.name,
    shortName: organisation.shortName ?? "",
    orgNumber: organisation.orgNumber ?? "",
    website: organisation.website ?? "",
    email: organisation.email ?? "",
    language: organisation.language,
  });
  const [{ fetching }, update] = useMutation(UpdateOrganisationMutation);
  const labels = organisationLabels(t);
  const change = (next: OrganisationValues) => {
    setSaved(false);
    setValues(next);
  };

  async function submit() {
    const result = await update({
      input: {
        id: organisation.id,
        version: organisation.version,
        ...organisationInput(values),
      },
    });
    if (settle(failure, result, "updateOrganisation")) {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t("people.details")}</h2>
      <ErrorSummary errors={failure.errors} labels={labels} />
      <ProblemAlert problem={failure.problem} onReload={onSaved} conflictKey="people.conflict" />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <OrganisationFields values={values} onChange={change} errors={failure.errors} />
        <button type="submit" className="button" disabled={fetching}>
          {t("people.save")}
        </button>
        {saved && <p role="status">{t("people.saved")}</p>}
      </form>
    </section>
  );
}
