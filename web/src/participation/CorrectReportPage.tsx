import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import type { Me } from "../auth/session.js";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { formatDate } from "../format.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { type FieldErrors, useIssueText } from "../shared/mutations.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { FiguresFields } from "./FiguresFields.js";
import { useFieldLabels } from "./labels.js";
import { CorrectParticipationReportMutation, type Report, ReportQuery } from "./queries.js";
import { subjectName } from "./ReportsOverview.js";
import { checkFigures, type FiguresValues, toCorrectionInput, valuesFromReport } from "./report-form.js";
import { canReportFor } from "./reporters.js";

export function CorrectReportPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t("participation.correctTitle")}>{(me) => <CorrectReport me={me} />}</RequireSignIn>
  );
}

function CorrectReport({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({
    query: ReportQuery,
    variables: { id },
    requestPolicy: "cache-and-network",
  });
  const report = data?.participationReport;
  if (!report)
    return (
      <>
        <PageHeading>{fetching || !data ? t("app.loading") : t("participation.notFound")}</PageHeading>
        <QueryStatus fetching={fetching} error={error} />
        <p>
          <Link to="/participation">← {t("participation.backToOverview")}</Link>
        </p>
      </>
    );
  const overview = `/participation?org=${report.reporter.id}`;
  const canCorrect = canReportFor(me, report.reporter.id);
  return (
    <>
      <p className="breadcrumb">
        <Link to={overview}>← {t("participation.backToOverview")}</Link>
      </p>
      <PageHeading>{t("participation.correctTitle")}</PageHeading>
      <dl className="facts">
        <dt>{t("participation.subjectColumn")}</dt>
        <dd>{subjectName(t, report)}</dd>
        <dt>{t("participation.reportedBy")}</dt>
        <dd>{report.reporter.name}</dd>
        <dt>{t("participation.period")}</dt>
        <dd>
          {t("participation.periodCaption", {
            from: formatDate(report.periodStart),
            to: formatDate(report.periodEnd),
          })}
        </dd>
      </dl>
      {canCorrect ? (
        // Keyed by version: after a reload the form shows what is stored now.
        <CorrectionForm
          key={`${report.id}:${report.version}`}
          report={report}
          overview={overview}
          onReload={() => reload({ requestPolicy: "network-only" })}
        />
      ) : (
        <p>{t("participation.readOnly", { name: report.reporter.name })}</p>
      )}
    </>
  );
}

function CorrectionForm({
  report,
  overview,
  onReload,
}: {
  report: Report;
  overview: string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const issueText = useIssueText();
  const labels = useFieldLabels();
  const [values, setValues] = useState<FiguresValues>(() => valuesFromReport(report));
  const [checked, setChecked] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const failure = useFailure();
  const [{ fetching: saving }, correct] = useMutation(CorrectParticipationReportMutation);
  const errors = Object.keys(checked).length > 0 ? checked : failure.errors;

  const change = (next: FiguresValues) => {
    setValues(next);
    if (attempted) setChecked(checkFigures(next, t, issueText));
  };

  const submit = async () => {
    setAttempted(true);
    failure.clear();
    const found = checkFigures(values, t, issueText);
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    const result = await correct({ input: toCorrectionInput(report, values) });
    if (settle(failure, result, "correctParticipationReport"))
      navigate(overview, { state: { notice: t("participation.corrected") } });
  };

  return (
    <>
      <p className="save-status" role="status" aria-live="polite">
        {saving ? t("participation.saving") : ""}
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <ProblemAlert problem={failure.problem} onReload={onReload} conflictKey="participation.conflict" />
      <form
        className="offer-form"
        noValidate
        aria-label={t("participation.correctTitle")}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <FiguresFields values={values} onChange={change} errors={errors} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t("participation.saving") : t("participation.correctSubmit")}
          </button>
        </div>
      </form>
    </>
  );
}
