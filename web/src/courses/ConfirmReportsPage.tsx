import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { ListPager } from "../components/ListPager.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { formatDate } from "../format.js";
import { isSuccess } from "../shared/mutations.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { ConfirmReportMutation, ToConfirmQuery } from "./attendance-queries.js";

// /courses/confirm: participation reports from attendance that wait for the reader's user
// organisations. Confirming files the report; nothing is typed again.

const refetch = { additionalTypenames: ["AttendanceReport"] };
/** Reports a page; confirmed ones leave the list, so the next come up. */
const pageSize = 50;

export function ConfirmReportsPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("courses.confirm.title")}>{() => <Pending />}</RequireSignIn>;
}

function Pending() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [{ data, fetching, error }] = useQuery({
    query: ToConfirmQuery,
    variables: { limit: pageSize, offset },
    context: refetch,
  });
  const [, confirm] = useMutation(ConfirmReportMutation);
  const [status, setStatus] = useState("");
  const reports = data?.attendanceReportsToConfirm ?? [];
  return (
    <>
      <PageHeading>{t("courses.confirm.title")}</PageHeading>
      <p>{t("courses.confirm.intro")}</p>
      <QueryStatus fetching={fetching && !data} error={error} />
      {data && reports.length === 0 && <p>{t("courses.confirm.none")}</p>}
      {reports.length > 0 && (
        <table className="data-table">
          <caption>{t("courses.confirm.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("courses.confirm.course")}</th>
              <th scope="col">{t("courses.a0099.patients")}</th>
              <th scope="col">{t("courses.a0099.relatives")}</th>
              <th scope="col">{t("courses.confirm.userReps")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("courses.entry.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.session.id}>
                <th scope="row">
                  {t("courses.runName", {
                    title: r.session.offer.title,
                    date: formatDate(r.session.startsAt),
                  })}
                  , {r.session.offer.provider.name}
                </th>
                <td>{r.patients}</td>
                <td>{r.relatives}</td>
                <td>{r.userRepsPlanning + r.userRepsDelivery + r.userRepsEvaluation}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    onClick={async () => {
                      const result = await confirm({ sessionId: r.session.id }, refetch);
                      const answer = result.data?.confirmAttendanceReport;
                      setStatus(
                        isSuccess(answer)
                          ? t("courses.confirm.done")
                          : (answer?.message ?? result.error?.message ?? ""),
                      );
                    }}
                  >
                    {t("courses.confirm.button", { title: r.session.offer.title })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && <ListPager offset={offset} pageSize={pageSize} shown={reports.length} onOffset={setOffset} />}
      <p role="status">{status}</p>
    </>
  );
}
