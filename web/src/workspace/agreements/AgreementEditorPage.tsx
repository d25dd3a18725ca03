import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { editorRoles, type Me } from "../../auth/session.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { PageHeading } from "../../components/PageHeading.js";
import { QueryStatus } from "../../components/Status.js";
import { enumLabel } from "../../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../../shared/failure.js";
import { type AllOrganisationsData, AllOrganisationsQuery } from "../../shared/organisations.js";
import { RequireSignIn } from "../../shared/RequireSignIn.js";
import { HistoryPanel } from "../HistoryPanel.js";
import { OrganisationNav } from "../OrganisationNav.js";
import { AgreementDelivery } from "./AgreementDelivery.js";
import {
  AgreementForm,
  type AgreementFormValues,
  agreementLabels,
  toAgreementInput,
  valuesFromAgreement,
} from "./AgreementForm.js";
import { AgreementOffers } from "./AgreementOffers.js";
import { usePeriod } from "./AgreementsPage.js";
import {
  type Agreement,
  AgreementQuery,
  CreateAgreementMutation,
  roleForKind,
  UpdateAgreementMutation,
} from "./queries.js";
import { Responsibilities } from "./Responsibilities.js";

function useAccess(me: Me, orgId: string) {
  const memberships = me.memberships.filter((m) => m.organisationId === orgId);
  return {
    name: memberships[0]?.organisationName ?? "",
    kind: memberships[0]?.organisationKind ?? null,
    canEdit: memberships.some((m) => editorRoles.includes(m.role)),
    /** Organisations whose side of an agreement the viewer edits. */
    editorOf: me.memberships.filter((m) => editorRoles.includes(m.role)).map((m) => m.organisationId),
  };
}

function useOrganisations() {
  const [{ data }] = useQuery({
    query: AllOrganisationsQuery,
    variables: { first: 500 },
  });
  return data?.organisations.edges.map((e) => e.node) ?? [];
}

export function AgreementCreatePage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t("agreements.createTitle")}>{(me) => <CreateAgreement me={me} />}</RequireSignIn>
  );
}

function CreateAgreement({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { orgId = "" } = useParams();
  const navigate = useNavigate();
  const access = useAccess(me, orgId);
  const organisations = useOrganisations();
  const [values, setValues] = useState<AgreementFormValues>(() => ({
    title: "",
    subAgreement: "",
    description: "",
    validFrom: new Date().toISOString().slice(0, 10),
    validTo: "",
    status: "DRAFT",
    documentUrl: "",
    parties: [{ organisationId: orgId, role: roleForKind(access.kind) }],
    coordinatorId: "",
  }));
  const failure = useFailure();
  const [{ fetching }, create] = useMutation(CreateAgreementMutation);

  if (!access.canEdit)
    return (
      <>
        <PageHeading>{t("agreements.createTitle")}</PageHeading>
        <p>{t("offerForm.forbidden")}</p>
      </>
    );

  const submit = async () => {
    const result = await create({ input: toAgreementInput(values) }, { additionalTypenames: ["Agreement"] });
    const created = settle(failure, result, "createAgreement");
    if (created) navigate(`/workspace/${orgId}/agreements/${created.id}`, { state: { notice: "created" } });
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/workspace/${orgId}/agreements`}>← {t("agreements.title", { name: access.name })}</Link>
      </p>
      <PageHeading>{t("agreements.createTitle")}</PageHeading>
      <p className="save-status" role="status" aria-live="polite">
        {fetching ? t("offerForm.saving") : ""}
      </p>
      <ErrorSummary errors={failure.errors} labels={agreementLabels(t)} />
      <ProblemAlert problem={failure.problem} conflictKey="agreements.conflict" />
      <AgreementForm
        values={values}
        onChange={setValues}
        onSubmit={() => void submit()}
        errors={failure.errors}
        organisations={organisations}
        submitLabel={t("agreements.create")}
        saving={fetching}
      />
    </>
  );
}

export function AgreementEditPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("workspace.title")}>{(me) => <EditAgreement me={me} />}</RequireSignIn>;
}

function EditAgreement({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { orgId = "", agreementId = "" } = useParams();
  const location = useLocation();
  const access = useAccess(me, orgId);
  const period = usePeriod();
  const organisations = useOrganisations();
  const [{ data, fetching, error }, reload] = useQuery({
    query: AgreementQuery,
    variables: { id: agreementId },
    requestPolicy: "cache-and-network",
  });
  const created = (location.state as { notice?: string } | null)?.notice === "created";
  const [notice, setNotice] = useState(created ? t("agreements.created") : "");
  const agreement = data?.agreement;
  const failure = useFailure();
  const [{ fetching: saving }, update] = useMutation(UpdateAgreementMutation);
  const reloadLatest = () => {
    failure.clear();
    reload({ requestPolicy: "network-only" });
  };

  if (!agreement)
    return (
      <>
        <PageHeading>{fetching || !data ? t("app.loading") : t("agreements.notFound")}</PageHeading>
        <QueryStatus fetching={fetching} error={error} />
      </>
    );

  const save = async (values: AgreementFormValues) => {
    setNotice("");
    const result = await update({
      input: { id: agreement.id, version: agreement.version, ...toAgreementInput(values) },
    });
    if (settle(failure, result, "updateAgreement")) setNotice(t("agreements.saved"));
  };

  const title = access.canEdit ? t("agreements.editTitle", { title: agreement.title }) : agreement.title;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/workspace/${orgId}/agreements`}>← {t("agreements.title", { name: access.name })}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <OrganisationNav orgId={orgId} />
      <p className="meta">
        {enumLabel(t, "agreementStatus", agreement.status)} · {period(agreement)}
        {agreement.statutory && ` · ${t("agreements.statutory")}`} ·{" "}
        {t("agreements.coordinator", { name: agreement.coordinator.name })}
      </p>
      <p className="save-status" role="status" aria-live="polite">
        {notice}
      </p>
      <ErrorSummary errors={failure.errors} labels={agreementLabels(t)} />
      <ProblemAlert problem={failure.problem} onReload={reloadLatest} conflictKey="agreements.conflict" />
      {access.canEdit && (
        <EditAgreementForm
          key={`${agreement.id}:${agreement.version}`}
          agreement={agreement}
          organisations={organisations}
          errors={failure.errors}
          saving={saving}
          onSave={(values) => void save(values)}
          readOnlyReason={
            agreement.mayEditSharedFields
              ? undefined
              : t("agreements.sharedReadOnly", { name: agreement.coordinator.name })
          }
        />
      )}
      <Responsibilities
        key={`responsibilities:${agreement.version}`}
        agreement={agreement}
        canEdit={access.canEdit}
        editorOf={access.editorOf}
        onNotice={setNotice}
        onReload={reloadLatest}
      />
      <AgreementOffers agreement={agreement} orgId={orgId} canEdit={access.canEdit} onNotice={setNotice} />
      <AgreementDelivery agreementId={agreement.id} />
      <HistoryPanel entityType="Agreement" entityId={agreement.id} labels={agreementLabels(t)} />
    </>
  );
}

/** Keyed by version: after a save or a reload the form shows what is stored. */
function EditAgreementForm({
  agreement,
  organisations,
  errors,
  saving,
  onSave,
  readOnlyReason,
}: {
  agreement: Agreement;
  organisations: AllOrganisationsData["organisations"]["edges"][number]["node"][];
  errors: Record<string, string[]>;
  saving: boolean;
  onSave: (values: AgreementFormValues) => void;
  readOnlyReason: string | undefined;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => valuesFromAgreement(agreement));
  return (
    <AgreementForm
      values={values}
      onChange={setValues}
      onSubmit={() => onSave(values)}
      errors={errors}
      organisations={organisations}
      submitLabel={t("agreements.save")}
      saving={saving}
      readOnlyReason={readOnlyReason}
    />
  );
}
