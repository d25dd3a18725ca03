import {
  type Audience,
  audiences,
  type DiagnosisScope,
  diagnosisScopes,
  type OfferKind,
  offerKinds,
  type PriorityGroup,
  priorityGroups,
} from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { CheckboxGroup } from "../../components/CheckboxGroup.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { SelectField } from "../../components/SelectField.js";
import { enumOptions } from "../../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../../shared/failure.js";
import { type Agreement, SetResponsibilitiesMutation } from "./queries.js";

interface Row {
  organisationId: string;
  description: string;
  diagnosisScope: DiagnosisScope | "";
  offerKinds: OfferKind[];
  audiences: Audience[];
  priorityGroups: PriorityGroup[];
}

/**
 * What each party takes on, replaced as a whole (setAgreementResponsibilities). A party edits only
 * its own: the rows of the parties the viewer edits for are a form, the others are shown as text
 * and sent back unchanged (the command refuses any change to them).
 */
export function Responsibilities({
  agreement,
  canEdit,
  editorOf,
  onNotice,
  onReload,
}: {
  agreement: Agreement;
  canEdit: boolean;
  /** Organisations the viewer edits for. */
  editorOf: readonly string[];
  onNotice: (text: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() =>
    agreement.responsibilities.map((r) => ({
      organisationId: r.organisation.id,
      description: r.description,
      diagnosisScope: r.diagnosisScope ?? "",
      offerKinds: r.offerKinds,
      audiences: r.audiences,
      priorityGroups: r.priorityGroups,
    })),
  );
  const failure = useFailure();
  const [{ fetching }, save] = useMutation(SetResponsibilitiesMutation);
  const setRow = (index: number, row: Partial<Row>) =>
    setRows(rows.map((r, i) => (i === index ? { ...r, ...row } : r)));
  const ownParties = agreement.parties.filter((p) => editorOf.includes(p.organisation.id));
  const isOwn = (row: Row) => editorOf.includes(row.organisationId);
  const partyName = (id: string) =>
    agreement.parties.find((p) => p.organisation.id === id)?.organisation.name ?? "";

  const submit = async () => {
    const result = await save({
      input: {
        agreementId: agreement.id,
        version: agreement.version,
        responsibilities: rows.map((r) => ({ ...r, diagnosisScope: r.diagnosisScope || null })),
      },
    });
    if (settle(failure, result, "setAgreementResponsibilities"))
      onNotice(t("agreements.responsibilitiesSaved"));
  };

  if (!canEdit || ownParties.length === 0)
    return (
      <section aria-labelledby="responsibilities-heading">
        <h2 id="responsibilities-heading">{t("agreements.responsibilities")}</h2>
        {agreement.responsibilities.length === 0 ? (
          <p>{t("agreements.noResponsibilities")}</p>
        ) : (
          <ul>
            {agreement.responsibilities.map((r) => (
              <li key={r.id}>
                <strong>{r.organisation.name}:</strong> {r.description}
              </li>
            ))}
          </ul>
        )}
      </section>
    );

  return (
    <section aria-labelledby="responsibilities-heading">
      <h2 id="responsibilities-heading">{t("agreements.responsibilities")}</h2>
      <p className="hint">{t("agreements.responsibilitiesIntro")}</p>
      <ErrorSummary errors={failure.errors} labels={{ responsibilities: t("agreements.responsibilities") }} />
      <ProblemAlert problem={failure.problem} onReload={onReload} conflictKey="agreements.conflict" />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {rows.some((row) => !isOwn(row)) && (
          <ul>
            {rows
              .filter((row) => !isOwn(row))
              .map((row) => (
                <li key={`${row.organisationId}:${row.description}`}>
                  <strong>{partyName(row.organisationId)}:</strong> {row.description}{" "}
                  <span className="muted">
                    ({t("agreements.otherPartyResponsibility", { name: partyName(row.organisationId) })})
                  </span>
                </li>
              ))}
          </ul>
        )}
        {rows.map((row, index) => {
          const id = `responsibility-${index}`;
          const number = index + 1;
          if (!isOwn(row)) return null;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a responsibility has no identity of its own in the input
            <fieldset key={index} className="repeat-row">
              <legend>{t("agreements.responsibility", { number })}</legend>
              <div className="form-grid">
                <SelectField
                  id={`${id}-org`}
                  label={t("agreements.responsibleParty")}
                  value={row.organisationId}
                  onChange={(organisationId) => setRow(index, { organisationId })}
                  options={ownParties.map((p) => ({
                    value: p.organisation.id,
                    label: p.organisation.name,
                  }))}
                />
                <SelectField
                  id={`${id}-scope`}
                  label={t("agreements.diagnosisScope")}
                  value={row.diagnosisScope}
                  onChange={(scope) => setRow(index, { diagnosisScope: scope as DiagnosisScope | "" })}
                  options={enumOptions(t, "diagnosisScope", diagnosisScopes)}
                  emptyLabel={t("agreements.anyDiagnosisScope")}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-description`}>{t("agreements.responsibilityDescription")}</label>
                <textarea
                  id={`${id}-description`}
                  rows={3}
                  value={row.description}
                  onChange={(e) => setRow(index, { description: e.target.value })}
                />
              </div>
              <div className="form-grid">
                <CheckboxGroup
                  legend={t("offerForm.kind")}
                  options={enumOptions(t, "offerKind", offerKinds)}
                  selected={row.offerKinds}
                  onChange={(next) => setRow(index, { offerKinds: next })}
                />
                <CheckboxGroup
                  legend={t("offerForm.audiences")}
                  options={enumOptions(t, "audience", audiences)}
                  selected={row.audiences}
                  onChange={(next) => setRow(index, { audiences: next })}
                />
                <CheckboxGroup
                  legend={t("offerForm.priorityGroups")}
                  options={enumOptions(t, "priorityGroup", priorityGroups)}
                  selected={row.priorityGroups}
                  onChange={(next) => setRow(index, { priorityGroups: next })}
                />
              </div>
              <button
                type="button"
                className="button button-danger"
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                {t("agreements.removeResponsibility", { number })}
              </button>
            </fieldset>
          );
        })}
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setRows([
                ...rows,
                {
                  organisationId: ownParties[0]?.organisation.id ?? "",
                  description: "",
                  diagnosisScope: "",
                  offerKinds: [],
                  audiences: [],
                  priorityGroups: [],
                },
              ])
            }
          >
            {t("agreements.addResponsibility")}
          </button>
          <button type="submit" className="button" disabled={fetching}>
            {t("agreements.saveResponsibilities")}
          </button>
        </div>
      </form>
    </section>
  );
}
