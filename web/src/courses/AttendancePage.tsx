import { MAX_ATTENDANCE_MARKS } from "@samspill/domain";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { Field } from "../components/Field.js";
import { ListPager } from "../components/ListPager.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { isSuccess, useIssueText } from "../shared/mutations.js";
import { AllOrganisationsQuery } from "../shared/organisations.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { AttendanceQuery, PrepareReportMutation, RecordAttendanceMutation } from "./attendance-queries.js";

// /courses/runs/:sessionId/attendance: after a course run the provider ticks who came on the list
// of confirmed participants, then sends the participation report the ticks give to the user
// organisation to confirm (or files it at once when none took part). Nothing is typed twice.

const refetch = { additionalTypenames: ["AttendanceReport", "AttendanceEntry"] };
/** Participants a page: what one save may tick. */
const pageSize = MAX_ATTENDANCE_MARKS;

export function AttendancePage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("courses.attendance.title")}>{() => <AttendanceList />}</RequireSignIn>;
}

function AttendanceList() {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const { sessionId = "" } = useParams();
  const [offset, setOffset] = useState(0);
  const [{ data, fetching, error }] = useQuery({
    query: AttendanceQuery,
    variables: { sessionId, limit: pageSize, offset },
    context: refetch,
  });
  const [orgs] = useQuery({ query: AllOrganisationsQuery, variables: { first: 500 } });
  const [, record] = useMutation(RecordAttendanceMutation);
  const [, prepare] = useMutation(PrepareReportMutation);
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  const [userOrg, setUserOrg] = useState("");
  const [reps, setReps] = useState({ userRepsPlanning: "", userRepsDelivery: "", userRepsEvaluation: "" });
  const [status, setStatus] = useState("");
  const list = data?.attendanceList ?? [];
  const report = data?.attendanceReport;
  const loaded = data?.attendanceList;
  // The ticks start from what is stored, again after each save.
  useEffect(() => {
    if (loaded) setTicks(Object.fromEntries(loaded.map((e) => [e.signUpId, e.attended ?? false])));
  }, [loaded]);
  const userOrganisations = (orgs.data?.organisations.edges.map((e) => e.node) ?? []).filter(
    (o) => o.kind === "USER_ORGANISATION",
  );
  const failure = (
    answer: { __typename: string; message: string } & {
      issues?: { message: string; messageNb: string; messageNn: string; field: string; code: string }[];
    },
  ) => setStatus(answer.issues?.map((i) => issueText(i)).join(" ") || answer.message);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const result = await record(
      {
        input: {
          sessionId,
          marks: list.map((p) => ({ signUpId: p.signUpId, attended: !!ticks[p.signUpId] })),
        },
      },
      refetch,
    );
    const answer = result.data?.recordAttendance;
    if (isSuccess(answer)) setStatus(t("courses.attendance.saved"));
    else if (answer) failure(answer);
    else setStatus(result.error?.message ?? "");
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const n = (v: string) => (v === "" ? 0 : Number(v));
    const result = await prepare(
      {
        input: {
          sessionId,
          userOrganisationId: userOrg || null,
          userRepsPlanning: n(reps.userRepsPlanning),
          userRepsDelivery: n(reps.userRepsDelivery),
          userRepsEvaluation: n(reps.userRepsEvaluation),
        },
      },
      refetch,
    );
    const answer = result.data?.prepareAttendanceReport;
    if (isSuccess(answer))
      setStatus(
        answer.data.participationReportId ? t("courses.attendance.filed") : t("courses.attendance.sent"),
      );
    else if (answer) failure(answer);
    else setStatus(result.error?.message ?? "");
  };

  const filed = !!report?.participationReportId;
  return (
    <>
      <PageHeading>{t("courses.attendance.title")}</PageHeading>
      <p>
        <Link to={`/courses/runs/${sessionId}`}>{t("courses.attendance.back")}</Link>
      </p>
      <QueryStatus fetching={fetching && !data} error={error} />
      {data && list.length === 0 && <p>{t("courses.attendance.empty")}</p>}
      {list.length > 0 && (
        <form onSubmit={save}>
          <fieldset disabled={filed}>
            <legend>{t("courses.attendance.listLegend", { count: list.length })}</legend>
            {list.map((p) => (
              <div className="checkbox" key={p.signUpId}>
                <input
                  type="checkbox"
                  id={`came-${p.signUpId}`}
                  checked={!!ticks[p.signUpId]}
                  onChange={(e) => setTicks({ ...ticks, [p.signUpId]: e.target.checked })}
                />
                <label htmlFor={`came-${p.signUpId}`}>
                  {p.name ?? t("courses.attendance.anonymised")} (
                  {t(`courses.attendance.role.${p.role === "RELATIVE" ? "RELATIVE" : "PATIENT"}`)})
                </label>
              </div>
            ))}
            <button type="submit" className="button">
              {t("courses.attendance.save")}
            </button>
          </fieldset>
        </form>
      )}
      {data && <ListPager offset={offset} pageSize={pageSize} shown={list.length} onOffset={setOffset} />}
      <section aria-labelledby="attendance-report-heading">
        <h2 id="attendance-report-heading">{t("courses.attendance.reportHeading")}</h2>
        {report && (
          <p>
            {t("courses.attendance.reportFigures", {
              patients: report.patients,
              relatives: report.relatives,
            })}{" "}
            {filed
              ? t("courses.attendance.filed")
              : report.userOrganisation
                ? t("courses.attendance.waiting", { name: report.userOrganisation.name })
                : ""}
          </p>
        )}
        {!filed && list.length > 0 && (
          <form onSubmit={send}>
            <p className="hint">{t("courses.attendance.reportIntro")}</p>
            <SelectField
              id="field-userOrganisationId"
              label={t("courses.attendance.userOrganisation")}
              value={userOrg}
              emptyLabel={t("courses.attendance.noUserOrganisation")}
              options={userOrganisations.map((o) => ({ value: o.id, label: o.name }))}
              onChange={setUserOrg}
            />
            {(["userRepsPlanning", "userRepsDelivery", "userRepsEvaluation"] as const).map((k) => (
              <Field
                key={k}
                name={k}
                type="number"
                min={0}
                label={t(`courses.attendance.${k}`)}
                value={reps[k]}
                onChange={(v) => setReps({ ...reps, [k]: v })}
              />
            ))}
            <button type="submit" className="button">
              {t("courses.attendance.send")}
            </button>
          </form>
        )}
      </section>
      <p role="status">{status}</p>
    </>
  );
}
