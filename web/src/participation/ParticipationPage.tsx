import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { useMutation } from "urql";
import type { Me } from "../auth/session.js";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { type FieldErrors, useIssueText } from "../shared/mutations.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { FiguresFields } from "./FiguresFields.js";
import { useFieldLabels } from "./labels.js";
import { ReportParticipationMutation } from "./queries.js";
import { ReportsOverview } from "./ReportsOverview.js";
import { checkNewReport, emptyReport, type NewReportValues, toReportInput } from "./report-form.js";
import { reportingOrganisations } from "./reporters.js";
import { SubjectPicker } from "./SubjectPicker.js";

export function ParticipationPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("participation.title")}>{(me) => <Participation me={me} />}</RequireSignIn>;
}

function Participation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const reporters = reportingOrganisations(me);
  const chosen = reporters.find((r) => r.id === params.get("org")) ?? reporters[0];
  // A correction page sends its notice back here with the navigation.
  const returned = (location.state as { notice?: string } | null)?.notice ?? "";

  if (!chosen)
    return (
      <>
        <PageHeading>{t("participation.title")}</PageHeading>
        <p>{t("participation.noReportingRole")}</p>
      </>
    );

  const choose = (id: string) => {
    // Another organisation's reports start on their first page.
    setParams(new URLSearchParams({ org: id }));
  };

  return (
    <>
      <PageHeading>{t("participation.title")}</PageHeading>
      <p className="lead">{t("participation.intro")}</p>
      {reporters.length > 1 ? (
        <SelectField
          id="field-reporterId"
          label={t("participation.reporter")}
          value={chosen.id}
          onChange={choose}
          options={reporters.map((r) => ({ value: r.id, label: r.name }))}
        />
      ) : (
        <p>{t("participation.reportingFor", { name: chosen.name })}</p>
      )}
      {/* Keyed by organisation: a half-filled report is never sent for another organisation. */}
      <NewReport key={chosen.id} reporterId={chosen.id} initialNotice={returned} />
      <ReportsOverview reporterId={chosen.id} reporterName={chosen.name} canCorrect />
    </>
  );
}

function NewReport({ reporterId, initialNotice }: { reporterId: string; initialNotice: string }) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const labels = useFieldLabels();
  const [values, setValues] = useState<NewReportValues>(emptyReport);
  const [checked, setChecked] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState(initialNotice);
  const failure = useFailure();
  const [{ fetching: saving }, report] = useMutation(ReportParticipationMutation);
  // The browser's own findings first; once they are fixed, what the gateway said.
  const errors = Object.keys(checked).length > 0 ? checked : failure.errors;

  const change = (next: NewReportValues) => {
    setValues(next);
    // After a refused attempt the findings follow the typing, so a fixed field clears at once.
    if (attempted) setChecked(checkNewReport(next, t, issueText));
  };

  const submit = async () => {
    setNotice("");
    setAttempted(true);
    failure.clear();
    const found = checkNewReport(values, t, issueText);
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    const result = await report({ input: toReportInput(reporterId, values) });
    const saved = settle(failure, result, "reportParticipation");
    if (!saved) return;
    setNotice(t("participation.saved", { subject: saved.offer?.title ?? saved.meetingPointTitle ?? "" }));
    setAttempted(false);
    // The next report is often the same kind of thing for the same period: keep those.
    setValues({
      ...emptyReport(),
      subjectKind: values.subjectKind,
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
    });
  };

  return (
    <section aria-labelledby="new-report-heading">
      <h2 id="new-report-heading">{t("participation.newReport")}</h2>
      <p className="save-status" role="status" aria-live="polite">
        {saving ? t("participation.saving") : notice}
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <ProblemAlert problem={failure.problem} />
      <form
        className="offer-form"
        noValidate
        aria-labelledby="new-report-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SubjectPicker reporterId={reporterId} values={values} onChange={change} errors={errors} />
        <FiguresFields values={values} onChange={change} errors={errors} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t("participation.saving") : t("participation.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
