import { type OrganisationKind, organisationKinds } from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation } from "urql";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { Field } from "../components/Field.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { enumOptions } from "../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import {
  emptyOrganisation,
  OrganisationFields,
  type OrganisationValues,
  optional,
  organisationInput,
  organisationLabels,
} from "./OrganisationFields.js";
import { CreateOrganisationMutation } from "./queries.js";

export function CreateOrganisationPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("people.createTitle")}>{() => <CreateOrganisation />}</RequireSignIn>;
}

function CreateOrganisation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const failure = useFailure();
  const [kind, setKind] = useState<OrganisationKind>("MUNICIPALITY");
  const [municipalityNumber, setMunicipalityNumber] = useState("");
  const [values, setValues] = useState<OrganisationValues>(emptyOrganisation);
  const [{ fetching }, create] = useMutation(CreateOrganisationMutation);
  const labels = {
    ...organisationLabels(t),
    kind: t("people.kind"),
    municipalityNumber: t("people.municipalityNumber"),
  };

  async function submit() {
    const result = await create({
      input: {
        kind,
        ...organisationInput(values),
        municipalityNumber: kind === "MUNICIPALITY" ? optional(municipalityNumber) : null,
      },
    });
    const created = settle(failure, result, "createOrganisation");
    if (created) navigate(`/admin/organisations/${created.id}`);
  }

  return (
    <>
      <PageHeading>{t("people.createTitle")}</PageHeading>
      <p className="lead">{t("people.createLead")}</p>
      <ErrorSummary errors={failure.errors} labels={labels} />
      <ProblemAlert problem={failure.problem} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SelectField
          id="field-kind"
          label={labels.kind}
          value={kind}
          onChange={(v) => setKind(v as OrganisationKind)}
          options={enumOptions(t, "organisationKindOne", organisationKinds)}
          errors={failure.errors.kind}
        />
        {kind === "MUNICIPALITY" && (
          <Field
            name="municipalityNumber"
            label={labels.municipalityNumber}
            value={municipalityNumber}
            onChange={setMunicipalityNumber}
            errors={failure.errors.municipalityNumber}
          />
        )}
        <OrganisationFields values={values} onChange={setValues} errors={failure.errors} />
        <button type="submit" className="button" disabled={fetching}>
          {t("people.create")}
        </button>
      </form>
    </>
  );
}
