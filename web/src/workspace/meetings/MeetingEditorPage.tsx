import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { editorRoles, type Me } from "../../auth/session.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { PageHeading } from "../../components/PageHeading.js";
import { PickList } from "../../components/PickList.js";
import { QueryStatus } from "../../components/Status.js";
import { formatSpan } from "../../format.js";
import { forumCommunitiesOf } from "../../forum-flags/flag-text.js";
import { ResolveFlags } from "../../forum-flags/ResolveFlags.js";
import { enumLabel } from "../../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../../shared/failure.js";
import { useOrganisationOptions } from "../../shared/organisations.js";
import { RequireSignIn } from "../../shared/RequireSignIn.js";
import { HistoryPanel } from "../HistoryPanel.js";
import { OrganisationNav } from "../OrganisationNav.js";
import {
  MeetingForm,
  type MeetingFormValues,
  meetingLabels,
  toMeetingInput,
  valuesFromMeeting,
} from "./MeetingForm.js";
import { DecisionsAndFollowUps, Minutes, Participants } from "./MeetingRecord.js";
import {
  CreateMeetingMutation,
  type MeetingPoint,
  MeetingPointQuery,
  UpdateMeetingMutation,
} from "./queries.js";

function useAccess(me: Me, orgId: string) {
  const memberships = me.memberships.filter((m) => m.organisationId === orgId);
  return {
    name: memberships[0]?.organisationName ?? "",
    editorOf: (organisationId: string) =>
      me.memberships.some((m) => m.organisationId === organisationId && editorRoles.includes(m.role)),
  };
}

export function MeetingCreatePage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("meetings.createTitle")}>{(me) => <CreateMeeting me={me} />}</RequireSignIn>;
}

function CreateMeeting({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { orgId = "" } = useParams();
  const navigate = useNavigate();
  const access = useAccess(me, orgId);
  const organisations = useOrganisationOptions();
  const [values, setValues] = useState<MeetingFormValues>({
    title: "",
    kind: "PROFESSIONAL_NETWORK",
    startsAt: "",
    endsAt: "",
    location: "",
    onlineUrl: "",
    agenda: "",
    agreementId: "",
    healthCommunityId: "",
  });
  const [participants, setParticipants] = useState<string[]>([]);
  const failure = useFailure();
  const [{ fetching }, create] = useMutation(CreateMeetingMutation);

  if (!access.editorOf(orgId))
    return (
      <>
        <PageHeading>{t("meetings.createTitle")}</PageHeading>
        <p>{t("offerForm.forbidden")}</p>
      </>
    );

  const submit = async () => {
    // Start and end are non-null in the schema: say so here rather than send a request that fails.
    const missing = (["startsAt", "endsAt"] as const).filter((key) => !values[key]);
    // fromLocalInput is null exactly for an empty field, so this only tells the type checker.
    const { startsAt, endsAt, ...input } = toMeetingInput(values);
    if (missing.length > 0 || !startsAt || !endsAt) {
      failure.show({
        __typename: "ValidationError",
        message: "",
        issues: missing.map((field) => ({
          field,
          code: "required",
          message: t("offerForm.required"),
          messageNb: t("offerForm.required"),
          messageNn: t("offerForm.required"),
        })),
      });
      return;
    }
    const result = await create(
      { input: { ...input, startsAt, endsAt, organiserId: orgId, participantIds: participants } },
      { additionalTypenames: ["MeetingPoint"] },
    );
    const created = settle(failure, result, "createMeetingPoint");
    if (created) navigate(`/workspace/${orgId}/meetings/${created.id}`, { state: { notice: "created" } });
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/workspace/${orgId}/meetings`}>← {t("meetings.title", { name: access.name })}</Link>
      </p>
      <PageHeading>{t("meetings.createTitle")}</PageHeading>
      <p className="save-status" role="status" aria-live="polite">
        {fetching ? t("offerForm.saving") : ""}
      </p>
      <ErrorSummary errors={failure.errors} labels={meetingLabels(t)} />
      <ProblemAlert problem={failure.problem} conflictKey="meetings.conflict" />
      <MeetingForm
        organiserId={orgId}
        values={values}
        onChange={setValues}
        onSubmit={() => void submit()}
        errors={failure.errors}
        submitLabel={t("meetings.create")}
        saving={fetching}
      >
        <PickList
          id="field-participantIds"
          legend={t("meetings.participants")}
          filterLabel={t("meetings.participantFilter")}
          options={organisations}
          selected={participants}
          onChange={setParticipants}
          summary={t("meetings.participantsChosen", { count: participants.length })}
          error={failure.errors.participantIds?.join(" ")}
        />
      </MeetingForm>
    </>
  );
}

export function MeetingEditPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("workspace.title")}>{(me) => <EditMeeting me={me} />}</RequireSignIn>;
}

function EditMeeting({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { orgId = "", meetingId = "" } = useParams();
  const location = useLocation();
  const access = useAccess(me, orgId);
  const [{ data, fetching, error }, reload] = useQuery({
    query: MeetingPointQuery,
    variables: { id: meetingId },
    requestPolicy: "cache-and-network",
  });
  const created = (location.state as { notice?: string } | null)?.notice === "created";
  const [notice, setNotice] = useState(created ? t("meetings.created") : "");
  const failure = useFailure();
  const [{ fetching: saving }, update] = useMutation(UpdateMeetingMutation);
  const meeting = data?.meetingPoint;
  const reloadLatest = () => {
    failure.clear();
    reload({ requestPolicy: "network-only" });
  };

  if (!meeting)
    return (
      <>
        <PageHeading>{fetching || !data ? t("app.loading") : t("meetings.notFound")}</PageHeading>
        <QueryStatus fetching={fetching} error={error} />
      </>
    );

  // The organiser's editors keep the record; participants see it.
  const canEdit = access.editorOf(meeting.organiser.id);
  const save = async (values: MeetingFormValues) => {
    setNotice("");
    const result = await update({
      input: { id: meeting.id, version: meeting.version, ...toMeetingInput(values) },
    });
    if (settle(failure, result, "updateMeetingPoint")) setNotice(t("meetings.saved"));
  };
  const record = { meeting, canEdit, editorOf: access.editorOf, onNotice: setNotice, onReload: reloadLatest };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/workspace/${orgId}/meetings`}>← {t("meetings.title", { name: access.name })}</Link>
      </p>
      <PageHeading>{canEdit ? t("meetings.editTitle", { title: meeting.title }) : meeting.title}</PageHeading>
      <OrganisationNav orgId={orgId} />
      <p className="meta">
        {enumLabel(t, "meetingKind", meeting.kind)} · {formatSpan(meeting.startsAt, meeting.endsAt)} ·{" "}
        {t("meetings.organiser")}: {meeting.organiser.name}
      </p>
      <p className="save-status" role="status" aria-live="polite">
        {notice}
      </p>
      <ErrorSummary errors={failure.errors} labels={meetingLabels(t)} />
      <ProblemAlert problem={failure.problem} onReload={reloadLatest} conflictKey="meetings.conflict" />
      {canEdit && (
        <EditMeetingForm
          key={`${meeting.id}:${meeting.version}`}
          meeting={meeting}
          errors={failure.errors}
          saving={saving}
          onSave={(values) => void save(values)}
        />
      )}
      <Participants key={`participants:${meeting.version}`} {...record} />
      <Minutes key={`minutes:${meeting.version}`} {...record} />
      <DecisionsAndFollowUps {...record} />
      {meeting.healthCommunity &&
        forumCommunitiesOf(me.memberships).some((c) => c.value === meeting.healthCommunity?.id) && (
          <ResolveFlags
            meetingPointId={meeting.id}
            communityId={meeting.healthCommunity.id}
            onResolved={(text) => {
              setNotice(text);
              reload({ requestPolicy: "network-only" });
            }}
          />
        )}
      <HistoryPanel entityType="MeetingPoint" entityId={meeting.id} labels={meetingLabels(t)} />
    </>
  );
}

/** Keyed by version: after a save or a reload the form shows what is stored. */
function EditMeetingForm({
  meeting,
  errors,
  saving,
  onSave,
}: {
  meeting: MeetingPoint;
  errors: Record<string, string[]>;
  saving: boolean;
  onSave: (values: MeetingFormValues) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => valuesFromMeeting(meeting));
  return (
    <MeetingForm
      organiserId={meeting.organiser.id}
      values={values}
      onChange={setValues}
      onSubmit={() => onSave(values)}
      errors={errors}
      submitLabel={t("meetings.save")}
      saving={saving}
    />
  );
}
