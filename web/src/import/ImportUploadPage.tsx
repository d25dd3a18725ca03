import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { Me } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { type UploadIssue, uploadOfferFile } from "./upload.js";

// The template's columns a sheet made by hand most often lacks, each explained (the template's
// guide sheet lists them all).
const helpedColumns = ["text_language", "unit", "requires_referral", "minimum_participants"] as const;

export function ImportUploadPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("offerImport.title")}>{(me) => <Upload me={me} />}</RequireSignIn>;
}

/** The organisations whose offers the person may import: those where they are admin or editor. */
export const importingOrganisations = (me: Me) =>
  me.memberships
    .filter((m) => m.role === "ADMIN" || m.role === "EDITOR")
    .map((m) => ({ id: m.organisationId, name: m.organisationName ?? m.organisationId }));

function Upload({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const organisations = importingOrganisations(me);
  // The workspace's offers page links here with its organisation chosen.
  const [params] = useSearchParams();
  const linked = organisations.find((o) => o.id === params.get("organisation"));
  const [organisationId, setOrganisationId] = useState(linked?.id ?? organisations[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (organisations.length === 0)
    return (
      <>
        <PageHeading>{t("offerImport.title")}</PageHeading>
        <p>{t("offerImport.noEditorRole")}</p>
      </>
    );

  const issueText = (issue: UploadIssue) =>
    i18n.language === "en"
      ? issue.message
      : ((i18n.language === "nn" ? issue.messageNn : undefined) ?? issue.messageNb ?? issue.message);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setProblem(t("offerImport.chooseFile"));
      return;
    }
    setSending(true);
    setProblem(null);
    const result = await uploadOfferFile(organisationId, file);
    setSending(false);
    if (result.ok) {
      navigate(`/import/${result.id}`);
      return;
    }
    const first = result.issues[0];
    setProblem(first ? issueText(first) : t("offerImport.uploadFailed", { status: result.status }));
  }

  return (
    <>
      <PageHeading>{t("offerImport.title")}</PageHeading>
      <p className="lead">{t("offerImport.intro")}</p>
      <p>
        {t("offerImport.templates")}{" "}
        <a href="/imports/offers/template.xlsx">{t("offerImport.templateXlsx")}</a>
        {" · "}
        <a href="/imports/offers/template.csv">{t("offerImport.templateCsv")}</a>
      </p>
      <details>
        <summary>{t("offerImport.columnsHeading")}</summary>
        <dl>
          {helpedColumns.map((column) => (
            <div key={column}>
              <dt>
                <code>{column}</code>
              </dt>
              <dd>{t(`offerImport.columns.${column}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <form onSubmit={submit} noValidate>
        {organisations.length > 1 && (
          <SelectField
            id="field-organisationId"
            label={t("offerImport.organisation")}
            value={organisationId}
            onChange={setOrganisationId}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        <div className="field">
          <label htmlFor="field-file">{t("offerImport.file")}</label>
          <p className="hint" id="field-file-hint">
            {t("offerImport.fileHint")}
          </p>
          <input
            id="field-file"
            type="file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="field-file-hint"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {problem && (
          <div className="alert alert-error" role="alert">
            <p>{problem}</p>
          </div>
        )}
        <button type="submit" className="button" disabled={sending}>
          {sending ? t("offerImport.uploading") : t("offerImport.upload")}
        </button>
      </form>
    </>
  );
}
