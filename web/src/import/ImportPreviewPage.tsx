import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { useImportIssueText } from "./issue-text.js";
import { PreviewRows } from "./PreviewRows.js";
import { ConfirmOfferImportMutation, type ImportView, OfferImportQuery } from "./queries.js";

const pageSize = 50;

export function ImportPreviewPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("offerImport.previewTitle")}>{() => <Preview />}</RequireSignIn>;
}

function Preview() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [onlyErrors, setOnlyErrors] = useState<boolean | null>(null);
  const [offset, setOffset] = useState(0);
  const errorsFirst = onlyErrors ?? true;
  const [result, reexecute] = useQuery({
    query: OfferImportQuery,
    variables: { id, onlyErrors: errorsFirst, offset, limit: pageSize },
    requestPolicy: "cache-and-network",
  });
  const view = result.data?.offerImport;
  const running = view?.status === "QUEUED" || view?.status === "RUNNING";
  // While the worker writes, the page asks again every second for its progress.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => reexecute({ requestPolicy: "network-only" }), 1000);
    return () => clearInterval(timer);
  }, [running, reexecute]);
  // With no errors left, the rows themselves are what the editor checks.
  useEffect(() => {
    if (view && view.errorCount === 0 && onlyErrors === null) setOnlyErrors(false);
  }, [view, onlyErrors]);

  if (!view)
    return (
      <>
        <PageHeading>{t("offerImport.previewTitle")}</PageHeading>
        {result.fetching || result.error ? (
          <QueryStatus fetching={result.fetching} error={result.error} />
        ) : (
          <p>{t("offerImport.notFound")}</p>
        )}
      </>
    );
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  return (
    <>
      <PageHeading>{t("offerImport.previewTitle")}</PageHeading>
      <Summary view={view} />
      {view.status === "PREVIEW" && <ConfirmBar view={view} onConfirmed={refresh} />}
      {running && <Progress view={view} />}
      {view.status === "DONE" && <Report view={view} />}
      {view.status === "FAILED" && <Failures view={view} />}
      {view.status === "PREVIEW" && (
        <section aria-labelledby="rows-heading">
          <h2 id="rows-heading">{t("offerImport.rowsHeading")}</h2>
          <fieldset className="inline-choice">
            <legend className="visually-hidden">{t("offerImport.show")}</legend>
            <label>
              <input
                type="radio"
                name="show"
                checked={errorsFirst}
                onChange={() => {
                  setOnlyErrors(true);
                  setOffset(0);
                }}
              />{" "}
              {t("offerImport.onlyErrors")}
            </label>{" "}
            <label>
              <input
                type="radio"
                name="show"
                checked={!errorsFirst}
                onChange={() => {
                  setOnlyErrors(false);
                  setOffset(0);
                }}
              />{" "}
              {t("offerImport.allRows")}
            </label>
          </fieldset>
          <PreviewRows importId={view.id} rows={view.rows} editable onChanged={refresh} />
          <nav aria-label={t("offerImport.pages")} className="pagination">
            {offset > 0 && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setOffset(Math.max(0, offset - pageSize))}
              >
                {t("offerImport.previous")}
              </button>
            )}{" "}
            {view.rows.length === pageSize && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setOffset(offset + pageSize)}
              >
                {t("offerImport.next")}
              </button>
            )}
          </nav>
        </section>
      )}
    </>
  );
}

function Summary({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="lead">
        {t("offerImport.summary", {
          file: view.fileName,
          format: view.format,
          provider: view.provider.name,
          count: view.rowCount,
        })}
      </p>
      {view.status === "PREVIEW" && (
        <p role="status">
          {view.errorCount > 0
            ? t("offerImport.rowsWithErrors", { count: view.errorCount })
            : t("offerImport.allRowsOk")}
        </p>
      )}
      {view.encoding && (
        <p className="alert alert-warning">{t("offerImport.encoding", { encoding: view.encoding })}</p>
      )}
      {view.ignoredColumns.length > 0 && (
        <p className="alert alert-warning">
          {t("offerImport.ignoredColumns", { columns: view.ignoredColumns.join(", ") })}
        </p>
      )}
    </>
  );
}

function ConfirmBar({ view, onConfirmed }: { view: ImportView; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const failure = useFailure();
  const [{ fetching }, confirm] = useMutation(ConfirmOfferImportMutation);
  const blocked = view.errorCount > 0 || view.rowCount === 0;
  return (
    <div className="import-confirm">
      <p>{blocked ? t("offerImport.fixFirst") : t("offerImport.confirmHint", { count: view.rowCount })}</p>
      <button
        type="button"
        className="button"
        disabled={blocked || fetching}
        onClick={async () => {
          if (settle(failure, await confirm({ importId: view.id }), "confirmOfferImport")) onConfirmed();
        }}
      >
        {t("offerImport.confirm", { count: view.rowCount })}
      </button>
      <ProblemAlert problem={failure.problem} />
      {Object.values(failure.errors).flat().length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>{Object.values(failure.errors).flat().join(" ")}</p>
        </div>
      )}
    </div>
  );
}

function Progress({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  const label = t("offerImport.progress", { processed: view.processed, total: view.rowCount });
  return (
    <div role="status">
      <label htmlFor="import-progress">{view.status === "QUEUED" ? t("offerImport.queued") : label}</label>
      <progress id="import-progress" max={view.rowCount} value={view.processed} aria-valuetext={label}>
        {label}
      </progress>
    </div>
  );
}

function Report({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-success" role="status">
      <p>
        {t("offerImport.done", {
          created: view.created ?? 0,
          updated: view.updated ?? 0,
          unchanged: view.unchanged ?? 0,
        })}
      </p>
      <p>
        <Link to={`/workspace/${view.provider.id}`}>{t("offerImport.toWorkspace")}</Link>
        {" · "}
        <Link to="/">{t("offerImport.toCatalogue")}</Link>
      </p>
    </div>
  );
}

function Failures({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  const issueText = useImportIssueText();
  return (
    <div className="alert alert-error" role="alert">
      <p>{t("offerImport.failed")}</p>
      <ul>
        {view.failures.map((f) => (
          <li key={`${f.line}:${f.column}:${f.code}:${f.value ?? ""}`}>
            {f.line != null && `${t("offerImport.line")} ${f.line}, `}
            <code>{f.column}</code>: {issueText(f)}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/import">{t("offerImport.again")}</Link>
      </p>
    </div>
  );
}
