import { participantFields, userRepFields } from "@samspill/domain";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { QueryStatus } from "../components/Status.js";
import { formatDate } from "../format.js";
import { type Report, ReportsQuery } from "./queries.js";
import type { CountField } from "./report-form.js";

// What an organisation reported, newest period first (the gateway's order), a page at a time.
// The reports of a page are grouped by period: one table per period, its totals in the foot.

const pageSize = 10;

interface PeriodGroup {
  key: string;
  periodStart: string;
  periodEnd: string;
  reports: Report[];
}

function byPeriod(reports: Report[]): PeriodGroup[] {
  const groups: PeriodGroup[] = [];
  for (const r of reports) {
    const key = `${r.periodStart}/${r.periodEnd}`;
    const last = groups.at(-1);
    if (last?.key === key) last.reports.push(r);
    else groups.push({ key, periodStart: r.periodStart, periodEnd: r.periodEnd, reports: [r] });
  }
  return groups;
}

export function ReportsOverview({
  reporterId,
  reporterName,
  canCorrect,
}: {
  reporterId: string;
  reporterName: string;
  canCorrect: boolean;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const after = params.get("after");
  const before = params.get("before");
  const context = useMemo(() => ({ additionalTypenames: ["ParticipationReport"] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: ReportsQuery,
    variables: {
      filter: { reporterId },
      ...(before ? { last: pageSize, before } : { first: pageSize, after }),
    },
    context,
    requestPolicy: "cache-and-network",
  });
  const connection = data?.participationReports;
  const groups = byPeriod(connection?.edges.map((e) => e.node) ?? []);
  const page = (cursor: { after?: string; before?: string }) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    if (cursor.after) next.set("after", cursor.after);
    if (cursor.before) next.set("before", cursor.before);
    setParams(next);
    document.getElementById("reports-heading")?.focus();
  };

  return (
    <section aria-labelledby="reports-heading" className="reports-overview">
      <h2 id="reports-heading" tabIndex={-1}>
        {t("participation.overview", { name: reporterName })}
      </h2>
      <p className="hint">{t("participation.overviewIntro")}</p>
      <QueryStatus fetching={fetching && !connection} error={error} />
      {connection && groups.length === 0 && <p>{t("participation.none")}</p>}
      {groups.map((group) => (
        <PeriodTable key={group.key} group={group} canCorrect={canCorrect} />
      ))}
      {connection && (connection.pageInfo.hasPreviousPage || connection.pageInfo.hasNextPage) && (
        <nav className="pagination" aria-label={t("participation.pagination")}>
          {connection.pageInfo.hasPreviousPage && connection.pageInfo.startCursor && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => page({ before: connection.pageInfo.startCursor ?? undefined })}
            >
              ← {t("participation.newer")}
            </button>
          )}
          {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => page({ after: connection.pageInfo.endCursor ?? undefined })}
            >
              {t("participation.older")} →
            </button>
          )}
        </nav>
      )}
    </section>
  );
}

/** "Title – provider" for an offer, "Meeting point: title" for a meeting point. */
export function subjectName(t: TFunction, r: Report): string {
  return r.offer
    ? t("participation.offerOption", { title: r.offer.title, provider: r.offer.provider.name })
    : t("participation.meetingSubject", { title: r.meetingPointTitle ?? "" });
}

function PeriodTable({ group, canCorrect }: { group: PeriodGroup; canCorrect: boolean }) {
  const { t } = useTranslation();
  const sum = (k: CountField | "totalParticipants") => group.reports.reduce((n, r) => n + r[k], 0);
  const caption = t("participation.periodCaption", {
    from: formatDate(group.periodStart),
    to: formatDate(group.periodEnd),
  });
  return (
    <table className="data-table compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("participation.subjectColumn")}</th>
          {participantFields.map((k) => (
            <th key={k} scope="col">
              {t(`participation.${k}`)}
            </th>
          ))}
          <th scope="col">{t("participation.totalColumn")}</th>
          {userRepFields.map((k) => (
            <th key={k} scope="col">
              {t(`participation.${k}Column`)}
            </th>
          ))}
          {canCorrect && (
            <th scope="col">
              <span className="visually-hidden">{t("workspace.actions")}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {group.reports.map((r) => {
          const subject = subjectName(t, r);
          return (
            <tr key={r.id}>
              <th scope="row">{r.offer ? <Link to={`/offers/${r.offer.id}`}>{subject}</Link> : subject}</th>
              {participantFields.map((k) => (
                <td key={k}>{r[k]}</td>
              ))}
              <td>{r.totalParticipants}</td>
              {userRepFields.map((k) => (
                <td key={k}>{r[k]}</td>
              ))}
              {canCorrect && (
                <td>
                  <Link to={`/participation/reports/${r.id}`}>
                    {t("participation.correct")}
                    <span className="visually-hidden">
                      {" "}
                      {subject}, {caption}
                    </span>
                  </Link>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
      {/* Every period has its totals, also with one report: the foot is where to look. */}
      <tfoot>
        <tr>
          <th scope="row">{t("participation.sum", { count: group.reports.length })}</th>
          {participantFields.map((k) => (
            <td key={k}>{sum(k)}</td>
          ))}
          <td>{sum("totalParticipants")}</td>
          {userRepFields.map((k) => (
            <td key={k}>{sum(k)}</td>
          ))}
          {canCorrect && <td />}
        </tr>
      </tfoot>
    </table>
  );
}
