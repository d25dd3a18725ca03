import { type FollowUpStatus, followUpStatuses } from "@samspill/domain";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { Field } from "../../components/Field.js";
import { PickList } from "../../components/PickList.js";
import { SelectField } from "../../components/SelectField.js";
import { formatDate, formatDateTime } from "../../format.js";
import { enumOptions } from "../../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../../shared/failure.js";
import { useOrganisationOptions } from "../../shared/organisations.js";
import {
  AddDecisionMutation,
  AddFollowUpMutation,
  type FollowUp,
  type MeetingPoint,
  RecordMinutesMutation,
  SetParticipantsMutation,
  UpdateFollowUpMutation,
} from "./queries.js";

// What happened at a meeting point: who took part, the minutes, the decisions and who follows
// up what by when. Each part saves on its own, so one person's minutes do not wait for another's
// follow-up list.

const refetchMeeting = { additionalTypenames: ["MeetingPoint", "MeetingDecision", "FollowUp"] };

interface RecordProps {
  meeting: MeetingPoint;
  canEdit: boolean;
  /** Whether the signed-in person edits for this organisation. */
  editorOf: (organisationId: string) => boolean;
  onNotice: (text: string) => void;
  onReload: () => void;
}

export function Participants({ meeting, canEdit, onNotice, onReload }: RecordProps) {
  const { t } = useTranslation();
  const options = useOrganisationOptions();
  const [chosen, setChosen] = useState(() => meeting.participants.map((p) => p.id));
  const failure = useFailure();
  const [{ fetching }, save] = useMutation(SetParticipantsMutation);
  if (!canEdit)
    return (
      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("meetings.participants")}</h2>
        <p>{meeting.participants.map((p) => p.name).join(", ")}</p>
      </section>
    );
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t("meetings.participants")}</h2>
      <ProblemAlert problem={failure.problem} onReload={onReload} conflictKey="meetings.conflict" />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await save({
            input: { meetingPointId: meeting.id, version: meeting.version, organisationIds: chosen },
          });
          if (settle(failure, result, "setMeetingParticipants")) onNotice(t("meetings.participantsSaved"));
        }}
      >
        <PickList
          legend={t("meetings.participants")}
          filterLabel={t("meetings.participantFilter")}
          options={options}
          selected={chosen}
          onChange={setChosen}
          summary={t("meetings.participantsChosen", { count: chosen.length })}
          error={Object.values(failure.errors).flat().join(" ") || undefined}
        />
        <button type="submit" className="button button-secondary" disabled={fetching}>
          {t("meetings.saveParticipants")}
        </button>
      </form>
    </section>
  );
}

export function Minutes({ meeting, canEdit, onNotice, onReload }: RecordProps) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(meeting.minutes);
  const failure = useFailure();
  const [{ fetching }, save] = useMutation(RecordMinutesMutation);
  return (
    <section aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{t("meetings.minutes")}</h2>
      {!canEdit ? (
        <p className="pre-line">{meeting.minutes}</p>
      ) : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await save({
              input: { meetingPointId: meeting.id, version: meeting.version, minutes },
            });
            if (settle(failure, result, "recordMinutes")) onNotice(t("meetings.minutesSaved"));
          }}
        >
          <ProblemAlert problem={failure.problem} onReload={onReload} conflictKey="meetings.conflict" />
          <Field
            idPrefix="minutes"
            name="minutes"
            label={t("meetings.minutes")}
            value={minutes}
            onChange={setMinutes}
            errors={failure.errors.minutes}
            multiline
          />
          <button type="submit" className="button button-secondary" disabled={fetching}>
            {t("meetings.saveMinutes")}
          </button>
        </form>
      )}
    </section>
  );
}

export function DecisionsAndFollowUps({ meeting, canEdit, editorOf, onNotice }: RecordProps) {
  const { t } = useTranslation();
  const ids = useId();
  const options = useOrganisationOptions();
  const [decision, setDecision] = useState("");
  const [followUp, setFollowUp] = useState({ text: "", dueOn: "", responsibleOrgId: "", decisionId: "" });
  const decisionFailure = useFailure();
  const followUpFailure = useFailure();
  const [, addDecision] = useMutation(AddDecisionMutation);
  const [, addFollowUp] = useMutation(AddFollowUpMutation);
  const decisionText = new Map(meeting.decisions.map((d) => [d.id, d.text]));

  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t("meetings.decisions")}</h2>
      {meeting.decisions.length === 0 ? (
        <p>{t("meetings.noDecisions")}</p>
      ) : (
        <ol>
          {meeting.decisions.map((d) => (
            <li key={d.id}>
              {d.text} <span className="muted">({formatDateTime(d.decidedAt)})</span>
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await addDecision(
              { input: { meetingPointId: meeting.id, text: decision } },
              refetchMeeting,
            );
            if (settle(decisionFailure, result, "addMeetingDecision")) {
              setDecision("");
              onNotice(t("meetings.decisionAdded"));
            }
          }}
        >
          <ProblemAlert problem={decisionFailure.problem} conflictKey="meetings.conflict" />
          <Field
            idPrefix="decision"
            name="text"
            label={t("meetings.decisionText")}
            value={decision}
            onChange={setDecision}
            errors={decisionFailure.errors.text}
            multiline
          />
          <button type="submit" className="button button-secondary">
            {t("meetings.addDecision")}
          </button>
        </form>
      )}

      <h2 id={`${ids}-follow-ups`}>{t("meetings.followUps")}</h2>
      {meeting.followUps.length === 0 ? (
        <p>{t("meetings.noFollowUps")}</p>
      ) : (
        <ul className="session-list">
          {meeting.followUps.map((f) => (
            <FollowUpRow
              key={`${f.id}:${f.version}`}
              followUp={f}
              decision={f.decision ? decisionText.get(f.decision.id) : undefined}
              // The responsible organisation's editors may move its status too.
              canEdit={canEdit || (!!f.responsibleOrganisation && editorOf(f.responsibleOrganisation.id))}
              onNotice={onNotice}
            />
          ))}
        </ul>
      )}
      {canEdit && (
        <form
          noValidate
          className="session-form"
          aria-labelledby={`${ids}-add-follow-up`}
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await addFollowUp(
              {
                input: {
                  meetingPointId: meeting.id,
                  text: followUp.text,
                  dueOn: followUp.dueOn || null,
                  responsibleOrgId: followUp.responsibleOrgId || null,
                  decisionId: followUp.decisionId || null,
                },
              },
              refetchMeeting,
            );
            if (settle(followUpFailure, result, "addFollowUp")) {
              setFollowUp({ text: "", dueOn: "", responsibleOrgId: "", decisionId: "" });
              onNotice(t("meetings.followUpAdded"));
            }
          }}
        >
          <h3 id={`${ids}-add-follow-up`}>{t("meetings.addFollowUp")}</h3>
          <ProblemAlert problem={followUpFailure.problem} conflictKey="meetings.conflict" />
          <Field
            idPrefix="follow-up"
            name="text"
            label={t("meetings.followUpText")}
            value={followUp.text}
            onChange={(text) => setFollowUp({ ...followUp, text })}
            errors={followUpFailure.errors.text}
            required
          />
          <div className="form-grid">
            <Field
              idPrefix="follow-up"
              name="dueOn"
              type="date"
              label={t("meetings.dueOn")}
              value={followUp.dueOn}
              onChange={(dueOn) => setFollowUp({ ...followUp, dueOn })}
              errors={followUpFailure.errors.dueOn}
            />
            <SelectField
              id={`${ids}-responsible`}
              label={t("meetings.responsibleOrg")}
              value={followUp.responsibleOrgId}
              onChange={(responsibleOrgId) => setFollowUp({ ...followUp, responsibleOrgId })}
              options={options}
              emptyLabel=""
              errors={followUpFailure.errors.responsibleOrgId}
            />
            <SelectField
              id={`${ids}-decision`}
              label={t("meetings.fromDecision")}
              value={followUp.decisionId}
              onChange={(decisionId) => setFollowUp({ ...followUp, decisionId })}
              options={meeting.decisions.map((d) => ({ value: d.id, label: d.text.slice(0, 80) }))}
              emptyLabel={t("meetings.noDecision")}
            />
          </div>
          <button type="submit" className="button button-secondary">
            {t("meetings.addFollowUp")}
          </button>
        </form>
      )}
    </section>
  );
}

function FollowUpRow({
  followUp,
  decision,
  canEdit,
  onNotice,
}: {
  followUp: FollowUp;
  decision: string | undefined;
  canEdit: boolean;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const failure = useFailure();
  const [, update] = useMutation(UpdateFollowUpMutation);
  return (
    <li className="session-row">
      <div>
        <strong>{followUp.text}</strong>
        <br />
        <span className="muted">
          {[
            followUp.responsibleOrganisation?.name,
            followUp.dueOn && t("meetings.due", { date: formatDate(followUp.dueOn) }),
            decision && `${t("meetings.fromDecision")}: ${decision}`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
        <ProblemAlert problem={failure.problem} conflictKey="meetings.conflict" />
      </div>
      <SelectField
        id={id}
        hideLabel
        label={t("meetings.followUpStatus", { text: followUp.text })}
        value={followUp.status}
        disabled={!canEdit}
        options={enumOptions(t, "followUpStatus", followUpStatuses)}
        onChange={async (status) => {
          const result = await update(
            { input: { id: followUp.id, version: followUp.version, status: status as FollowUpStatus } },
            refetchMeeting,
          );
          if (settle(failure, result, "updateFollowUp")) onNotice(t("meetings.followUpUpdated"));
        }}
      />
    </li>
  );
}
