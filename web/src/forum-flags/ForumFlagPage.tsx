import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import type { Me } from "../auth/session.js";
import { Field } from "../components/Field.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { formatDate, formatDateTime } from "../format.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { forumCommunitiesOf, useFlagSubject } from "./flag-text.js";
import { DismissFlagMutation, FlagQuery } from "./queries.js";

// One flag: what it is about, who answers by when, and how it ended — the meeting decision that
// resolved it (linked to the meeting), or the forum's reason for dismissing it. The community's
// forum members may dismiss an open flag here; resolving happens in the forum meeting's page.

export function ForumFlagPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("forumFlags.title")}>{(me) => <FlagDetail me={me} />}</RequireSignIn>;
}

function FlagDetail({ me }: { me: Me }) {
  const { t } = useTranslation();
  const subject = useFlagSubject();
  const { flagId = "" } = useParams();
  const location = useLocation();
  const raised = (location.state as { notice?: string } | null)?.notice === "raised";
  const [notice, setNotice] = useState(raised ? t("forumFlags.raised") : "");
  const [{ data, fetching, error }] = useQuery({ query: FlagQuery, variables: { id: flagId } });
  const flag = data?.forumFlag;
  if (!flag)
    return (
      <>
        <PageHeading>{fetching || !data ? t("app.loading") : t("forumFlags.notFound")}</PageHeading>
        <QueryStatus fetching={fetching} error={error} />
      </>
    );
  const forumMember = forumCommunitiesOf(me.memberships).some((c) => c.value === flag.healthCommunity.id);
  const decision = flag.resolvedBy;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/forum-flags?community=${flag.healthCommunity.id}`}>← {t("forumFlags.backToList")}</Link>
      </p>
      <PageHeading>{t("forumFlags.detailTitle", { kind: t(`forumFlags.kinds.${flag.kind}`) })}</PageHeading>
      <p className="save-status" role="status" aria-live="polite">
        {notice}
      </p>
      <dl className="facts">
        <dt>{t("forumFlags.subject")}</dt>
        <dd>{flag.offer ? <Link to={`/offers/${flag.offer.id}`}>{subject(flag)}</Link> : subject(flag)}</dd>
        <dt>{t("forumFlags.community")}</dt>
        <dd>{flag.healthCommunity.name}</dd>
        <dt>{t("forumFlags.owner")}</dt>
        <dd>{flag.owner.name}</dd>
        <dt>{t("forumFlags.dueOn")}</dt>
        <dd>{formatDate(flag.dueOn)}</dd>
        <dt>{t("forumFlags.state")}</dt>
        <dd data-testid="flag-state">{t(`forumFlags.states.${flag.state}`)}</dd>
        <dt>{t("forumFlags.note")}</dt>
        <dd className="pre-line">{flag.note}</dd>
      </dl>
      <p className="muted">
        {flag.raisedBy
          ? t("forumFlags.raisedBy", { name: flag.raisedBy, date: formatDateTime(flag.createdAt) })
          : t("forumFlags.raisedAt", { date: formatDateTime(flag.createdAt) })}
      </p>
      {decision && (
        <section aria-labelledby="flag-decision">
          <h2 id="flag-decision">
            {t("forumFlags.resolvedBy", {
              meeting: decision.meetingPoint.title,
              date: formatDate(decision.decidedAt),
            })}
          </h2>
          <p className="pre-line">{decision.text}</p>
          <p>
            <Link
              to={`/workspace/${decision.meetingPoint.organiser.id}/meetings/${decision.meetingPoint.id}`}
            >
              {decision.meetingPoint.title}
            </Link>
          </p>
        </section>
      )}
      {flag.state === "DISMISSED" && flag.dismissReason && (
        <p>{t("forumFlags.dismissedBecause", { reason: flag.dismissReason })}</p>
      )}
      {flag.state === "OPEN" && forumMember && (
        <DismissForm
          id={flag.id}
          version={flag.version}
          onDone={() => setNotice(t("forumFlags.dismissed"))}
        />
      )}
    </>
  );
}

function DismissForm({ id, version, onDone }: { id: string; version: number; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const failure = useFailure();
  const [{ fetching }, dismiss] = useMutation(DismissFlagMutation);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await dismiss({ input: { id, version, reason } });
        if (settle(failure, result, "dismissForumFlag")) onDone();
      }}
    >
      <ProblemAlert problem={failure.problem} conflictKey="meetings.conflict" />
      <Field
        name="reason"
        label={t("forumFlags.dismissReason")}
        value={reason}
        onChange={setReason}
        errors={failure.errors.reason}
        multiline
      />
      <button type="submit" className="button button-secondary" disabled={fetching}>
        {t("forumFlags.dismiss")}
      </button>
    </form>
  );
}
