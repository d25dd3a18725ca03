import { type MeasureStatus, measureStatuses } from "@samspill/domain";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { Field } from "../components/Field.js";
import { SelectField } from "../components/SelectField.js";
import { formatDate, formatDateTime } from "../format.js";
import { enumLabel, enumOptions } from "../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import type { FieldErrors } from "../shared/mutations.js";
import { type MeasureFormProps, MeetCheckpointButton, ReviseMeasureForm } from "./MeasureForms.js";
import { AddProgressNoteMutation, type Measure, UpdateMeasureStatusMutation } from "./queries.js";

/** "Tiltak 2.1.2 nr. 1": the plans number sections, and measures by their place in the section. */
export const measureLabel = (t: TFunction, m: Pick<Measure, "section" | "ordinal">) =>
  t("actionPlans.measureLabel", { section: m.section, ordinal: m.ordinal });

export function StatusTags({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`tag tag-measure-${measure.status.toLowerCase()}`}>
        {enumLabel(t, "measureStatus", measure.status)}
      </span>
      {measure.overdue && <span className="tag tag-overdue">{t("actionPlans.overdue")}</span>}
    </>
  );
}

interface MeasureCardProps {
  measure: Measure;
  canEdit: boolean;
  editing: boolean;
  onEdit: (open: boolean) => void;
  revising: boolean;
  onRevise: (open: boolean) => void;
  onSaved: () => void;
}

/** One measure: what, who, when it is checked, its status and progress notes; editors update it. */
export function MeasureCard({
  measure,
  canEdit,
  editing,
  onEdit,
  revising,
  onRevise,
  onSaved,
}: MeasureCardProps) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState("");
  const toggle = useRef<HTMLButtonElement>(null);
  /** Which button opened the open form: focus goes back to it. */
  const opener = useRef<string>("actionPlans.update");
  const wasEditing = useRef(editing);
  useEffect(() => {
    // Back on the button that opened the form once it closes, not lost on <body>.
    if (wasEditing.current && !editing && !revising) toggle.current?.focus();
    wasEditing.current = editing || revising;
  }, [editing, revising]);
  const label = measureLabel(t, measure);
  const titleId = `measure-${measure.id}-title`;
  const editable = canEdit && !measure.removed;
  // One form at a time: the status update or the revision.
  const OpenForm = editing ? UpdateForm : revising ? ReviseMeasureForm : null;
  const close = editing ? onEdit : onRevise;

  return (
    <li id={`measure-${measure.id}`} className="measure">
      <article aria-labelledby={titleId}>
        <h4 id={titleId}>
          {label} <StatusTags measure={measure} />
        </h4>
        <p className="pre-line measure-text">{measure.text}</p>
        <dl className="facts measure-facts">
          <dt>{t("actionPlans.responsible")}</dt>
          <dd>{measure.responsibleRaw || t("actionPlans.notGiven")}</dd>
          {measure.startRaw && (
            <>
              <dt>{t("actionPlans.started")}</dt>
              <dd>{measure.startRaw}</dd>
            </>
          )}
          <dt>{t("actionPlans.checkpoint")}</dt>
          <dd>
            {measure.checkpointRaw || t("actionPlans.notGiven")}
            {measure.nextCheckpointOn &&
              ` (${t("actionPlans.nextCheckpoint", { date: formatDate(measure.nextCheckpointOn) })})`}
            {measure.checkpointMetOn &&
              ` – ${t("actionPlans.checkpointMet", { date: formatDate(measure.checkpointMetOn) })}`}
          </dd>
          {measure.note && (
            <>
              <dt>{t("actionPlans.note")}</dt>
              <dd>{measure.note}</dd>
            </>
          )}
        </dl>
        <p className="progress-heading">
          <strong>{t("actionPlans.progress")}</strong>
        </p>
        {measure.progressNotes.length === 0 ? (
          <p className="muted">{t("actionPlans.noProgress")}</p>
        ) : (
          <ul className="progress-notes" aria-label={t("actionPlans.progressFor", { measure: label })}>
            {measure.progressNotes.map((n) => (
              <li key={n.id}>
                <p className="muted">
                  {[
                    formatDateTime(n.createdAt),
                    n.authorName,
                    n.statusAfter &&
                      t("actionPlans.statusSetTo", { status: enumLabel(t, "measureStatus", n.statusAfter) }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <p className="pre-line">{n.text}</p>
              </li>
            ))}
          </ul>
        )}
        {editable && (
          <>
            <p className="save-status" role="status">
              {notice}
            </p>
            {OpenForm ? (
              <OpenForm
                measure={measure}
                label={label}
                onCancel={() => close(false)}
                onSaved={(text) => {
                  setNotice(text);
                  close(false);
                  onSaved();
                }}
                onReload={onSaved}
              />
            ) : (
              <div className="actions">
                {(
                  [
                    ["actionPlans.update", onEdit],
                    ["actionPlans.revise", onRevise],
                  ] as const
                ).map(([text, open]) => (
                  <button
                    key={text}
                    ref={opener.current === text ? toggle : undefined}
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      opener.current = text;
                      setNotice("");
                      open(true);
                    }}
                  >
                    {t(text)}
                    <span className="visually-hidden"> – {label}</span>
                  </button>
                ))}
                {measure.nextCheckpointOn && !measure.checkpointMetOn && (
                  <MeetCheckpointButton
                    measure={measure}
                    label={label}
                    onMet={() => {
                      setNotice(t("actionPlans.checkpointMarked"));
                      onSaved();
                    }}
                  />
                )}
              </div>
            )}
          </>
        )}
      </article>
    </li>
  );
}

/** The gateway names the note `note` when it goes with a status and `text` on its own. */
function remap(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors)) {
    const key = field === "text" || field === "note" ? "note" : field === "status" ? "status" : "";
    out[key] = [...(out[key] ?? []), ...messages];
  }
  return out;
}

const settable = measureStatuses.filter((s) => s !== "REMOVED");

function UpdateForm({ measure, label, onCancel, onSaved, onReload }: MeasureFormProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MeasureStatus>(measure.status);
  const [note, setNote] = useState("");
  const failure = useFailure();
  const [{ fetching: updating }, updateStatus] = useMutation(UpdateMeasureStatusMutation);
  const [{ fetching: adding }, addNote] = useMutation(AddProgressNoteMutation);
  const formId = `measure-${measure.id}-form`;
  const errors = remap(failure.errors);

  const submit = async () => {
    // A changed status goes with the note (if any); an unchanged one is a progress note alone.
    if (status !== measure.status) {
      const result = await updateStatus({
        input: { id: measure.id, version: measure.version, status, note: note.trim() || null },
      });
      if (settle(failure, result, "updateMeasureStatus"))
        onSaved(
          t("actionPlans.statusUpdated", { measure: label, status: enumLabel(t, "measureStatus", status) }),
        );
    } else {
      const result = await addNote({ input: { measureId: measure.id, text: note } });
      if (settle(failure, result, "addMeasureProgressNote")) onSaved(t("actionPlans.noteAdded"));
    }
  };

  return (
    <form
      id={formId}
      className="session-form"
      aria-label={t("actionPlans.updateFor", { measure: label })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary
        errors={errors}
        labels={{ status: t("actionPlans.status"), note: t("actionPlans.progressNote") }}
      />
      <ProblemAlert
        problem={failure.problem}
        onReload={() => {
          failure.clear();
          onReload();
        }}
        conflictKey="actionPlans.conflict"
      />
      <SelectField
        id="field-status"
        label={t("actionPlans.status")}
        value={status}
        onChange={(value) => setStatus(value as MeasureStatus)}
        options={enumOptions(t, "measureStatus", settable)}
        errors={errors.status}
      />
      <Field
        name="note"
        label={t("actionPlans.progressNote")}
        hint={t("actionPlans.progressNoteHint")}
        value={note}
        onChange={setNote}
        errors={errors.note}
        multiline
      />
      <div className="actions">
        <button type="submit" className="button" disabled={updating || adding}>
          {t("actionPlans.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("actionPlans.cancel")}
        </button>
      </div>
    </form>
  );
}
