import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { QueryStatus } from "../../components/Status.js";
import { formatSpan } from "../../format.js";
import { enumLabel } from "../../i18n/labels.js";
import { OrganisationSection, type SectionContext } from "../OrganisationSection.js";
import { MeetingPointsQuery } from "./queries.js";

export function MeetingsPage() {
  const { t } = useTranslation();
  return (
    <OrganisationSection
      heading={(name) => t("meetings.title", { name })}
      intro={t("meetings.intro")}
      newItem={{ path: "meetings/new", label: t("meetings.new") }}
    >
      {(section) => <Meetings {...section} />}
    </OrganisationSection>
  );
}

function Meetings({ orgId, name }: SectionContext) {
  const { t } = useTranslation();
  const context = useMemo(() => ({ additionalTypenames: ["MeetingPoint"] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: MeetingPointsQuery,
    variables: { filter: { organisationId: orgId }, first: 100 },
    context,
  });
  const meetings = data?.meetingPoints.edges.map((e) => e.node) ?? [];
  return (
    <>
      <QueryStatus fetching={fetching} error={error} />
      {data && meetings.length === 0 && <p>{t("meetings.none")}</p>}
      {meetings.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t("meetings.title", { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("meetings.title_field")}</th>
              <th scope="col">{t("meetings.kind")}</th>
              <th scope="col">{t("offer.sessionWhen")}</th>
              <th scope="col">{t("meetings.organiser")}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/workspace/${orgId}/meetings/${m.id}`}>{m.title}</Link>
                </td>
                <td>{enumLabel(t, "meetingKind", m.kind)}</td>
                <td>{formatSpan(m.startsAt, m.endsAt)}</td>
                <td>{m.organiser.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
