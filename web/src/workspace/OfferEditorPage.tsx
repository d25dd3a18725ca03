import { canTransition, type OfferStatus, offerStatuses } from "@samspill/domain";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { editorRoles, type Me } from "../auth/session.js";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { enumLabel } from "../i18n/labels.js";
import { ProblemAlert, useFailure } from "../shared/failure.js";
import { isSuccess, type MutationAnswer } from "../shared/mutations.js";
import { type OfferDetails, OfferQuery } from "../shared/offer-query.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { HistoryPanel } from "./HistoryPanel.js";
import { OfferForm } from "./OfferForm.js";
import { OfferReview } from "./OfferReview.js";
import {
  ChangeOfferStatusMutation,
  CreateOfferMutation,
  emptyOffer,
  type OfferFormValues,
  toOfferInput,
  UpdateOfferMutation,
  valuesFromOffer,
} from "./offer-form.js";
import { useOrganisationData } from "./organisation-data.js";
import { SessionsEditor } from "./SessionsEditor.js";

/** Labels for the error summary: the form's own, and the status for lifecycle errors. */
function fieldLabels(t: TFunction): Record<string, string> {
  const form = t("offerForm", { returnObjects: true }) as Record<string, string>;
  return { ...form, status: t("workspace.status") };
}

function useEditorAccess(me: Me, orgId: string) {
  const memberships = me.memberships.filter((m) => m.organisationId === orgId);
  return {
    organisationName: memberships[0]?.organisationName ?? "",
    organisationKind: memberships[0]?.organisationKind ?? null,
    canEdit: memberships.some((m) => editorRoles.includes(m.role)),
  };
}

export function OfferCreatePage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("offerForm.createTitle")}>{(me) => <CreateOffer me={me} />}</RequireSignIn>;
}

function CreateOffer({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { orgId = "" } = useParams();
  const navigate = useNavigate();
  const access = useEditorAccess(me, orgId);
  const { organisation, municipalities, fetching, error } = useOrganisationData(
    orgId,
    access.organisationKind,
  );
  const [values, setValues] = useState<OfferFormValues | null>(null);
  const failure = useFailure();
  const [{ fetching: saving }, createOffer] = useMutation(CreateOfferMutation);

  if (!access.canEdit)
    return (
      <>
        <PageHeading>{t("offerForm.createTitle")}</PageHeading>
        <p>{t("offerForm.forbidden")}</p>
      </>
    );
  const current = values ?? (organisation ? emptyOffer(organisation.municipalityNumber) : null);

  const submit = async () => {
    if (!current) return;
    failure.clear();
    const result = await createOffer({ input: { providerId: orgId, ...toOfferInput(current) } });
    const answer = result.data?.createOffer;
    if (isSuccess(answer)) {
      navigate(`/workspace/${orgId}/offers/${answer.data.id}`, { state: { notice: "created" } });
    } else if (answer) {
      failure.show(answer);
    } else if (result.error) {
      failure.show({ __typename: "Network", message: result.error.message });
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/workspace/${orgId}`}>
          ← {t("workspace.offersTitle", { name: access.organisationName })}
        </Link>
      </p>
      <PageHeading>{t("offerForm.createTitle")}</PageHeading>
      <p className="meta">{access.organisationName}</p>
      <QueryStatus fetching={fetching} error={error} />
      <p className="save-status" role="status" aria-live="polite">
        {saving ? t("offerForm.saving") : ""}
      </p>
      <ErrorSummary errors={failure.errors} labels={fieldLabels(t)} />
      <ProblemAlert problem={failure.problem} />
      {current && (
        <OfferForm
          values={current}
          onChange={setValues}
          onSubmit={() => void submit()}
          errors={failure.errors}
          units={organisation?.units ?? []}
          municipalities={municipalities}
          submitLabel={t("offerForm.create")}
          saving={saving}
        />
      )}
    </>
  );
}

export function OfferEditPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("workspace.title")}>{(me) => <EditOffer me={me} />}</RequireSignIn>;
}

function EditOffer({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { orgId = "", offerId = "" } = useParams();
  const location = useLocation();
  const access = useEditorAccess(me, orgId);
  const [{ data, fetching, error }, reload] = useQuery({
    query: OfferQuery,
    variables: { id: offerId },
    requestPolicy: "cache-and-network",
  });
  const { organisation, municipalities } = useOrganisationData(orgId, access.organisationKind);
  const offer = data?.offer;
  const initialNotice =
    (location.state as { notice?: string } | null)?.notice === "created" ? t("offerForm.created") : "";
  const [notice, setNotice] = useState(initialNotice);

  if (!offer)
    return (
      <>
        <PageHeading>{fetching || !data ? t("app.loading") : t("offerForm.notFound")}</PageHeading>
        <QueryStatus fetching={fetching} error={error} />
      </>
    );

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/workspace/${orgId}`}>
          ← {t("workspace.offersTitle", { name: access.organisationName })}
        </Link>
      </p>
      <PageHeading title={t("offerForm.editTitle", { title: offer.title })}>
        {t("offerForm.editTitle", { title: offer.title })}
      </PageHeading>
      <p className="meta">
        <span className={`tag tag-status-${offer.status.toLowerCase()}`}>
          {enumLabel(t, "offerStatus", offer.status)}
        </span>
        {offer.flaggedForReview && <span className="tag tag-flag">{t("workspace.flagged")}</span>}{" "}
        {offer.status === "PUBLISHED" && <Link to={`/offers/${offer.id}`}>{t("workspace.view")}</Link>}
      </p>
      <p className="save-status" role="status" aria-live="polite">
        {notice}
      </p>
      {/* Keyed by version: after a save, a status change or a reload the form shows what is stored. */}
      <EditOfferForm
        key={`${offer.id}:${offer.version}`}
        offer={offer}
        canEdit={access.canEdit}
        units={organisation?.units ?? []}
        municipalities={municipalities}
        onNotice={setNotice}
        onReload={() => reload({ requestPolicy: "network-only" })}
      />
      <SessionsEditor offer={offer} canEdit={access.canEdit} onNotice={setNotice} />
      <OfferReview offerId={offer.id} canEdit={access.canEdit} onNotice={setNotice} />
      <HistoryPanel entityType="Offer" entityId={offer.id} labels={fieldLabels(t)} />
    </>
  );
}

const statusAction: Record<OfferStatus, "publish" | "pause" | "archive" | "toDraft"> = {
  PUBLISHED: "publish",
  PAUSED: "pause",
  ARCHIVED: "archive",
  DRAFT: "toDraft",
};

function EditOfferForm({
  offer,
  canEdit,
  units,
  municipalities,
  onNotice,
  onReload,
}: {
  offer: OfferDetails;
  canEdit: boolean;
  units: { id: string; name: string }[];
  municipalities: { number: string; name: string }[];
  onNotice: (text: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => valuesFromOffer(offer));
  const failure = useFailure();
  const [{ fetching: saving }, updateOffer] = useMutation(UpdateOfferMutation);
  const [{ fetching: changing }, changeStatus] = useMutation(ChangeOfferStatusMutation);

  const handle = (
    answer: MutationAnswer<OfferDetails> | undefined,
    networkError: string | undefined,
    ok: string,
  ) => {
    if (isSuccess(answer)) onNotice(ok);
    else if (answer) {
      onNotice("");
      failure.show(answer);
    } else if (networkError) failure.show({ __typename: "Network", message: networkError });
  };

  const save = async () => {
    failure.clear();
    onNotice(t("offerForm.saving"));
    const result = await updateOffer({
      input: { id: offer.id, version: offer.version, ...toOfferInput(values) },
    });
    handle(result.data?.updateOffer, result.error?.message, t("offerForm.saved"));
  };

  const moveTo = async (status: OfferStatus) => {
    failure.clear();
    const result = await changeStatus({ id: offer.id, version: offer.version, status });
    handle(
      result.data?.changeOfferStatus,
      result.error?.message,
      t("status.changed", { status: enumLabel(t, "offerStatus", status) }),
    );
  };

  const targets = offerStatuses.filter((to) => canTransition(offer.status, to));
  return (
    <>
      <ErrorSummary errors={failure.errors} labels={fieldLabels(t)} />
      <ProblemAlert problem={failure.problem} onReload={onReload} />
      {canEdit && (
        <section className="status-panel" aria-labelledby="status-heading">
          <h2 id="status-heading">{t("status.heading")}</h2>
          <p>{t("status.current", { status: enumLabel(t, "offerStatus", offer.status) })}</p>
          <div className="actions">
            {targets.map((to) => (
              <button
                key={to}
                type="button"
                className={to === "PUBLISHED" ? "button" : "button button-secondary"}
                disabled={changing}
                onClick={() => void moveTo(to)}
              >
                {t(`status.${statusAction[to]}`)}
              </button>
            ))}
          </div>
        </section>
      )}
      {canEdit ? (
        <OfferForm
          values={values}
          onChange={setValues}
          onSubmit={() => void save()}
          errors={failure.errors}
          units={units}
          municipalities={municipalities}
          submitLabel={t("offerForm.save")}
          saving={saving}
        />
      ) : (
        <p>{t("workspace.readOnly")}</p>
      )}
    </>
  );
}
