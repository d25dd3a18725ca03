import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { useImportIssueText } from "./issue-text.js";
import { EditOfferImportRowMutation, type ImportRow } from "./queries.js";

// The preview's table: each row as it will be created or updated, its errors and warnings by
// column, a one-click fix where the import found a near-miss, and an editor for the rest.

export function PreviewRows({
  importId,
  rows,
  editable,
  onChanged,
}: {
  importId: string;
  rows: ImportRow[];
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p>{t("offerImport.noRows")}</p>;
  return (
    <table className="data-table compact import-rows">
      <caption className="visually-hidden">{t("offerImport.rowsCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("offerImport.line")}</th>
          <th scope="col">{t("offerImport.offer")}</th>
          <th scope="col">{t("offerImport.action")}</th>
          <th scope="col">{t("offerImport.problems")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={row.line} importId={importId} row={row} editable={editable} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  );
}

const cell = (row: ImportRow, column: string) => row.cells.find((c) => c.column === column)?.value ?? "";

function Row({
  importId,
  row,
  editable,
  onChanged,
}: {
  importId: string;
  row: ImportRow;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const issueText = useImportIssueText();
  const failure = useFailure();
  const [editing, setEditing] = useState(false);
  const [{ fetching }, edit] = useMutation(EditOfferImportRowMutation);
  const columns = [...new Set(row.errors.map((e) => e.column).filter((c) => c !== "row"))];
  const [draft, setDraft] = useState<Record<string, string>>({});

  async function save(cells: { column: string; value: string }[]) {
    const result = await edit({ importId, line: row.line, cells });
    if (settle(failure, result, "editOfferImportRow")) {
      setEditing(false);
      onChanged();
    }
  }

  return (
    <tr id={`line-${row.line}`}>
      <td>{row.line}</td>
      <td>
        <strong>{cell(row, "title") || t("offerImport.untitled")}</strong>
        <br />
        <span className="hint">{cell(row, "reference") || cell(row, "id")}</span>
      </td>
      <td>{t(`offerImport.actions.${row.action}`)}</td>
      <td>
        {row.errors.length === 0 && row.warnings.length === 0 && <span>{t("offerImport.ok")}</span>}
        <ul className="import-issues">
          {row.errors.map((issue) => (
            <li key={`e:${issue.column}:${issue.code}:${issue.value ?? ""}`} className="field-error">
              <code>{issue.column}</code>: {issueText(issue)}
              {editable && issue.suggestion != null && (
                <>
                  {" "}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={fetching}
                    onClick={() => save([{ column: issue.column, value: issue.suggestion ?? "" }])}
                  >
                    {t("offerImport.useSuggestion", { value: issue.suggestion })}
                  </button>
                </>
              )}
            </li>
          ))}
          {row.warnings.map((issue) => (
            <li key={`w:${issue.column}:${issue.code}`}>
              <code>{issue.column}</code>: {issueText(issue)}
            </li>
          ))}
        </ul>
        {editable && columns.length > 0 && !editing && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setDraft(Object.fromEntries(columns.map((c) => [c, cell(row, c)])));
              setEditing(true);
            }}
          >
            {t("offerImport.editRow", { line: row.line })}
          </button>
        )}
        {editing && (
          <form
            className="import-row-editor"
            onSubmit={(e) => {
              e.preventDefault();
              void save(Object.entries(draft).map(([column, value]) => ({ column, value })));
            }}
          >
            {Object.entries(draft).map(([column, value]) => (
              <div className="field" key={column}>
                <label htmlFor={`cell-${row.line}-${column}`}>{column}</label>
                <input
                  id={`cell-${row.line}-${column}`}
                  value={value}
                  onChange={(e) => setDraft({ ...draft, [column]: e.target.value })}
                />
              </div>
            ))}
            <ProblemAlert problem={failure.problem} />
            {Object.values(failure.errors).flat().length > 0 && (
              <div className="alert alert-error" role="alert">
                <p>{Object.values(failure.errors).flat().join(" ")}</p>
              </div>
            )}
            <button type="submit" className="button button-small" disabled={fetching}>
              {t("offerImport.saveRow")}
            </button>{" "}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setEditing(false)}
            >
              {t("offerImport.cancel")}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
