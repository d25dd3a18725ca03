import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { Field } from "../components/Field.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { formatDate, formatDateTime } from "../format.js";
import { ReviewChanges } from "../forum-flags/ReviewChanges.js";
import { ProblemAlert, useFailure } from "../shared/failure.js";
import { type FieldErrors, isSuccess, useIssueText } from "../shared/mutations.js";
import { useOrganisationOptions } from "../shared/organisations.js";
import {
  type ForumData,
  ForumQuery,
  type ForumReview,
  followUpsShown,
  RecordForumReviewMutation,
} from "./queries.js";

// The forum's record of its review of the overview, held at one of the health community's
// meeting points: findings, the decisions taken and who follows up what by when. Everything is
// saved in one go (the gateway stores all or nothing), and errors point at the exact field,
// e.g. the second follow-up's due date.

interface FollowUpDraft {
  text: string;
  responsibleOrgId: string;
  dueOn: string;
  decisionIndex: string;
}

const emptyFollowUp = (): FollowUpDraft => ({
  text: "",
  responsibleOrgId: "",
  dueOn: "",
  decisionIndex: "0",
});

export function ForumReviews({ communityId, communityName }: { communityId: string; communityName: string }) {
  const { t } = useTranslation();
  // The cursors of the pages of past reviews walked so far: the last one is shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ForumQuery,
    variables: { community: communityId, first: 50, after: cursors.at(-1) ?? null },
  });
  const pageInfo = data?.forumReviews.pageInfo;
  const [notice, setNotice] = useState("");
  return (
    <section aria-labelledby="forum-heading" className="overview-section screen-only">
      <h2 id="forum-heading">{t("overview.forum.heading", { community: communityName })}</h2>
      <p className="save-status" role="status">
        {notice}
      </p>
      <QueryStatus fetching={fetching && !data} error={error} />
      {data && (
        <>
          <ReviewForm
            communityId={communityId}
            communityName={communityName}
            meetings={data.meetingPoints.edges.map((e) => e.node)}
            onSaved={() => {
              setNotice(t("overview.forum.saved"));
              refetch({ requestPolicy: "network-only" });
            }}
          />
          <PastReviews reviews={data.forumReviews.edges.map((e) => e.node)} />
          {(cursors.length > 1 || pageInfo?.hasNextPage) && (
            <nav className="pager" aria-label={t("overview.forum.reviewPages")}>
              <button
                type="button"
                className="button button-secondary"
                disabled={cursors.length === 1}
                onClick={() => setCursors(cursors.slice(0, -1))}
              >
                {t("overview.forum.newerReviews")}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={!pageInfo?.hasNextPage}
                onClick={() => setCursors([...cursors, pageInfo?.endCursor ?? null])}
              >
                {t("overview.forum.olderReviews")}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function ReviewForm({
  communityId,
  communityName,
  meetings,
  onSaved,
}: {
  communityId: string;
  communityName: string;
  meetings: ForumData["meetingPoints"]["edges"][number]["node"][];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const issueText = useIssueText();
  const organisations = useOrganisationOptions();
  // The community itself first: most follow-ups are the forum's own.
  const responsibleOptions = [
    { value: communityId, label: communityName },
    ...organisations.filter((o) => o.value !== communityId),
  ];
  const [meetingPointId, setMeetingPointId] = useState("");
  const [findings, setFindings] = useState("");
  const [decisions, setDecisions] = useState<string[]>([""]);
  const [followUps, setFollowUps] = useState<FollowUpDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const failure = useFailure();
  const [{ fetching }, record] = useMutation(RecordForumReviewMutation);

  const decisionOptions = decisions.map((d, i) => ({
    value: String(i),
    label: `${t("overview.forum.decisionN", { n: i + 1 })}${d.trim() ? `: ${d.trim().slice(0, 60)}` : ""}`,
  }));
  const labels: Record<string, string> = {
    meetingPointId: t("overview.forum.meeting"),
    findings: t("overview.forum.findings"),
  };
  decisions.forEach((_, i) => {
    labels[`decisions.${i}`] = t("overview.forum.decisionN", { n: i + 1 });
  });
  followUps.forEach((_, i) => {
    const n = i + 1;
    labels[`followUps.${i}.text`] =
      `${t("overview.forum.followUpN", { n })}: ${t("overview.forum.followUpText")}`;
    labels[`followUps.${i}.responsibleOrgId`] =
      `${t("overview.forum.followUpN", { n })}: ${t("overview.forum.responsible")}`;
    labels[`followUps.${i}.dueOn`] = `${t("overview.forum.followUpN", { n })}: ${t("overview.forum.dueOn")}`;
    labels[`followUps.${i}.decisionIndex`] =
      `${t("overview.forum.followUpN", { n })}: ${t("overview.forum.fromDecision")}`;
  });

  const setFollowUp = (i: number, patch: Partial<FollowUpDraft>) =>
    setFollowUps(followUps.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const removeDecision = (i: number) => {
    setDecisions(decisions.filter((_, j) => j !== i));
    // Follow-ups keep pointing at the same decision text after the list shifts.
    setFollowUps(
      followUps.map((f) => {
        const at = Number(f.decisionIndex);
        return { ...f, decisionIndex: String(at > i ? at - 1 : at === i ? 0 : at) };
      }),
    );
  };

  const submit = async () => {
    const kept = decisions.map((d) => d.trim());
    const result = await record({
      input: {
        meetingPointId,
        healthCommunityId: communityId,
        findings,
        decisions: kept.filter(Boolean),
        followUps: followUps.map((f) => ({
          text: f.text,
          responsibleOrgId: f.responsibleOrgId,
          dueOn: f.dueOn,
          // Indices into the decisions actually sent (empty lines are left out).
          decisionIndex: kept.slice(0, Number(f.decisionIndex)).filter(Boolean).length,
        })),
      },
    });
    const answer = result.data?.recordForumReview;
    if (isSuccess(answer)) {
      failure.clear();
      setErrors({});
      setMeetingPointId("");
      setFindings("");
      setDecisions([""]);
      setFollowUps([]);
      onSaved();
    } else if (answer?.__typename === "ValidationError") {
      failure.clear();
      // Keyed by the whole path (followUps.1.dueOn), so each error sits at its own field.
      const out: FieldErrors = {};
      for (const issue of answer.issues) out[issue.field] = [...(out[issue.field] ?? []), issueText(issue)];
      setErrors(out);
    } else {
      setErrors({});
      failure.show(answer ?? { __typename: "Network", message: result.error?.message ?? "" });
    }
  };

  return (
    <form
      noValidate
      aria-labelledby={`${ids}-record`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${ids}-record`}>{t("overview.forum.recordHeading")}</h3>
      <ErrorSummary errors={errors} labels={labels} />
      <ProblemAlert problem={failure.problem} />
      <SelectField
        id="field-meetingPointId"
        label={t("overview.forum.meeting")}
        value={meetingPointId}
        onChange={setMeetingPointId}
        emptyLabel={t("overview.forum.chooseMeeting")}
        options={meetings.map((m) => ({ value: m.id, label: `${m.title} (${formatDate(m.startsAt)})` }))}
        errors={errors.meetingPointId}
      />
      <Field
        name="findings"
        label={t("overview.forum.findings")}
        hint={t("overview.forum.findingsHint")}
        value={findings}
        onChange={setFindings}
        errors={errors.findings}
        multiline
        required
      />
      <fieldset className="form-section">
        <legend>{t("overview.forum.decisions")}</legend>
        {decisions.map((d, i) => (
          // Decisions are plain text without ids; their position is what follow-ups refer to.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={i} className="repeat-row">
            <Field
              name={`decisions.${i}`}
              label={t("overview.forum.decisionN", { n: i + 1 })}
              value={d}
              onChange={(text) => setDecisions(decisions.map((x, j) => (j === i ? text : x)))}
              errors={errors[`decisions.${i}`]}
              multiline
            />
            <button type="button" className="button-link" onClick={() => removeDecision(i)}>
              {t("overview.forum.removeDecision", { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setDecisions([...decisions, ""])}
        >
          {t("overview.forum.addDecision")}
        </button>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t("overview.forum.followUps")}</legend>
        {followUps.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: follow-up drafts have no identity before saving
          <fieldset key={i} className="repeat-row">
            <legend>{t("overview.forum.followUpN", { n: i + 1 })}</legend>
            <Field
              name={`followUps.${i}.text`}
              label={t("overview.forum.followUpText")}
              value={f.text}
              onChange={(text) => setFollowUp(i, { text })}
              errors={errors[`followUps.${i}.text`]}
              required
            />
            <div className="form-grid">
              <SelectField
                id={`field-followUps.${i}.responsibleOrgId`}
                label={t("overview.forum.responsible")}
                value={f.responsibleOrgId}
                onChange={(responsibleOrgId) => setFollowUp(i, { responsibleOrgId })}
                options={responsibleOptions}
                emptyLabel=""
                errors={errors[`followUps.${i}.responsibleOrgId`]}
              />
              <Field
                name={`followUps.${i}.dueOn`}
                type="date"
                label={t("overview.forum.dueOn")}
                value={f.dueOn}
                onChange={(dueOn) => setFollowUp(i, { dueOn })}
                errors={errors[`followUps.${i}.dueOn`]}
              />
              <SelectField
                id={`field-followUps.${i}.decisionIndex`}
                label={t("overview.forum.fromDecision")}
                value={f.decisionIndex}
                onChange={(decisionIndex) => setFollowUp(i, { decisionIndex })}
                options={decisionOptions}
                errors={errors[`followUps.${i}.decisionIndex`]}
              />
            </div>
            <button
              type="button"
              className="button-link"
              onClick={() => setFollowUps(followUps.filter((_, j) => j !== i))}
            >
              {t("overview.forum.removeFollowUp", { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {decisions.length === 0 ? (
          <p className="hint">{t("overview.forum.needDecision")}</p>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setFollowUps([...followUps, emptyFollowUp()])}
          >
            {t("overview.forum.addFollowUp")}
          </button>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={fetching}>
          {t("overview.forum.save")}
        </button>
      </div>
    </form>
  );
}

function PastReviews({ reviews }: { reviews: ForumReview[] }) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <>
      <h3 id={`${ids}-past`}>{t("overview.forum.past")}</h3>
      {reviews.length === 0 ? (
        <p>{t("overview.forum.none")}</p>
      ) : (
        <ol className="history-list" aria-labelledby={`${ids}-past`}>
          {reviews.map((r) => (
            <li key={r.id}>
              <article aria-labelledby={`${ids}-${r.id}`}>
                <h4 id={`${ids}-${r.id}`}>
                  {r.meetingPoint.title} ({formatDate(r.meetingPoint.startsAt)})
                </h4>
                <p className="muted">
                  {r.recordedBy
                    ? t("overview.forum.recordedBy", {
                        name: r.recordedBy,
                        date: formatDateTime(r.createdAt),
                      })
                    : t("overview.forum.recordedAt", { date: formatDateTime(r.createdAt) })}
                </p>
                <p className="pre-line">
                  <strong>{t("overview.forum.findings")}:</strong> {r.findings}
                </p>
                <ReviewChanges changes={r.changesSinceLastReview} />
                {r.decisions.length === 0 ? (
                  <p>{t("overview.forum.noDecisions")}</p>
                ) : (
                  <ol>
                    {r.decisions.map((d) => (
                      <li key={d.id}>
                        {d.text}
                        {d.followUps.length > 0 && (
                          <ul>
                            {d.followUps.map((f) => (
                              <li key={f.id}>
                                {t("overview.forum.followUpLine", {
                                  text: f.text,
                                  responsible: f.responsibleOrganisation?.name ?? "",
                                  date: f.dueOn ? formatDate(f.dueOn) : "",
                                })}
                              </li>
                            ))}
                          </ul>
                        )}
                        {d.followUps.length >= followUpsShown && (
                          <p className="hint">{t("overview.forum.moreFollowUps")}</p>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
