import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { useSession } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { formatSpan } from "../format.js";
import { PamEntry } from "./PamEntry.js";
import { PamFigures } from "./PamFigures.js";
import { CourseRunQuery, PamSummaryQuery } from "./pam-queries.js";

// /courses/runs/:sessionId: one course run. Everyone sees its published PAM figures; the
// provider's administrators, editors and reporters also enter results and tick attendance.

const reportingRoles = new Set(["ADMIN", "EDITOR", "REPORTER"]);

export function CourseRunPage() {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  const session = useSession();
  const [run] = useQuery({ query: CourseRunQuery, variables: { id: sessionId } });
  const [summary] = useQuery({ query: PamSummaryQuery, variables: { sessionId } });
  const r = run.data?.courseRun;
  const s = summary.data?.pamResultsSummary;
  const reports =
    !!r &&
    session.status === "signedIn" &&
    session.me.memberships.some(
      (m) => m.organisationId === r.offer.provider.id && reportingRoles.has(m.role),
    );
  if (!r)
    return (
      <>
        <PageHeading>{t("courses.run.title")}</PageHeading>
        <QueryStatus fetching={run.fetching} error={run.error} />
        {!run.fetching && !run.error && <p>{t("courses.run.notFound")}</p>}
      </>
    );
  return (
    <>
      <PageHeading>{t("courses.run.heading", { title: r.offer.title })}</PageHeading>
      <p>
        {formatSpan(r.startsAt, r.endsAt)}
        {r.location ? ` · ${r.location}` : ""} · {r.offer.provider.name}
        {r.cancelled ? ` · ${t("courses.run.cancelled")}` : ""}
      </p>
      <p>
        <Link to={`/offers/${r.offer.id}`}>{t("courses.run.offerLink")}</Link>
        {reports && (
          <>
            {" · "}
            <Link to={`/courses/runs/${r.id}/attendance`}>{t("courses.run.attendanceLink")}</Link>
          </>
        )}
      </p>
      <section aria-labelledby="run-pam-heading">
        <h2 id="run-pam-heading">{t("courses.run.pamHeading")}</h2>
        <QueryStatus fetching={summary.fetching && !s} error={summary.error} />
        {s && (
          <PamFigures figures={s} threshold={s.smallCountThreshold} caption={t("courses.run.pamCaption")} />
        )}
      </section>
      {reports && !r.cancelled && <PamEntry sessionId={r.id} />}
    </>
  );
}
