import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { Field } from "../components/Field.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { draftOf, emptyDraft, inputOf, MeasureFields, useMeasureLabels } from "./MeasureFields.js";
import {
  AddMeasureMutation,
  type Measure,
  MeetCheckpointMutation,
  ReviseMeasureMutation,
} from "./queries.js";

// Plans are revised: the plan owner's editors add measures to a section, reword or reschedule
// one, or remove it (it stays as history). Each is audited by the gateway's commands.

/** "Add measure" under a section: a button that opens the form, and what was saved. */
export function AddMeasure({
  planId,
  section,
  open,
  onOpen,
  onSaved,
}: {
  planId: string;
  section: string;
  open: boolean;
  onOpen: (open: boolean) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState("");
  const [draft, setDraft] = useState(emptyDraft);
  const failure = useFailure();
  const labels = useMeasureLabels();
  const [{ fetching }, add] = useMutation(AddMeasureMutation);

  const submit = async () => {
    const result = await add({ input: { planId, section, ...inputOf(draft) } });
    const data = settle(failure, result, "addMeasure");
    if (!data) return;
    setNotice(t("actionPlans.measureAdded", { section }));
    setDraft(emptyDraft);
    onOpen(false);
    onSaved();
  };

  return (
    <div className="add-measure">
      <p className="save-status" role="status">
        {notice}
      </p>
      {open ? (
        <form
          className="session-form"
          aria-label={t("actionPlans.addMeasureTo", { section })}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <ErrorSummary errors={failure.errors} labels={labels} />
          <ProblemAlert problem={failure.problem} onReload={onSaved} conflictKey="actionPlans.conflict" />
          <MeasureFields draft={draft} onChange={setDraft} errors={failure.errors} />
          <div className="actions">
            <button type="submit" className="button" disabled={fetching}>
              {t("actionPlans.addMeasure")}
            </button>
            <button type="button" className="button button-secondary" onClick={() => onOpen(false)}>
              {t("actionPlans.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setNotice("");
            failure.clear();
            onOpen(true);
          }}
        >
          {t("actionPlans.addMeasureTo", { section })}
        </button>
      )}
    </div>
  );
}

/** What a form that changes one measure is given by its card. */
export interface MeasureFormProps {
  measure: Measure;
  label: string;
  onCancel: () => void;
  onSaved: (notice: string) => void;
  onReload: () => void;
}

/** The measure's fields prefilled, a reason kept as a progress note, and its removal (confirmed). */
export function ReviseMeasureForm({ measure, label, onCancel, onSaved, onReload }: MeasureFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(measure));
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const failure = useFailure();
  const labels = useMeasureLabels();
  const [{ fetching }, revise] = useMutation(ReviseMeasureMutation);
  const base = { id: measure.id, version: measure.version, reason: reason.trim() || null };

  const save = async () => {
    const result = await revise({ input: { ...base, ...inputOf(draft) } });
    if (settle(failure, result, "reviseMeasure"))
      onSaved(t("actionPlans.measureRevised", { measure: label }));
  };
  const remove = async () => {
    const result = await revise({ input: { ...base, removed: true } });
    setConfirming(false);
    if (settle(failure, result, "reviseMeasure"))
      onSaved(t("actionPlans.measureRemoved", { measure: label }));
  };

  return (
    <form
      className="session-form"
      aria-label={t("actionPlans.reviseFor", { measure: label })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ErrorSummary errors={failure.errors} labels={labels} />
      <ProblemAlert
        problem={failure.problem}
        onReload={() => {
          failure.clear();
          onReload();
        }}
        conflictKey="actionPlans.conflict"
      />
      <MeasureFields draft={draft} onChange={setDraft} errors={failure.errors} />
      <Field
        name="reason"
        label={labels.reason ?? ""}
        hint={t("actionPlans.reasonHint")}
        value={reason}
        onChange={setReason}
        errors={failure.errors.reason}
        multiline
      />
      <div className="actions">
        <button type="submit" className="button" disabled={fetching}>
          {t("actionPlans.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("actionPlans.cancel")}
        </button>
        {!confirming && (
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
            {t("actionPlans.removeMeasure")}
          </button>
        )}
      </div>
      {confirming && (
        <div className="actions">
          <p>{t("actionPlans.removeConfirm", { measure: label })}</p>
          <button type="button" className="button" disabled={fetching} onClick={() => void remove()}>
            {t("actionPlans.removeYes")}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t("actionPlans.cancel")}
          </button>
        </div>
      )}
    </form>
  );
}

/** Marks the current checkpoint met; the worker then moves a recurring one to its next date. */
export function MeetCheckpointButton({
  measure,
  label,
  onMet,
}: {
  measure: Measure;
  label: string;
  onMet: () => void;
}) {
  const { t } = useTranslation();
  const failure = useFailure();
  const [{ fetching }, meet] = useMutation(MeetCheckpointMutation);
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        disabled={fetching}
        onClick={async () => {
          const result = await meet({ input: { id: measure.id, version: measure.version } });
          if (settle(failure, result, "meetMeasureCheckpoint")) onMet();
        }}
      >
        {t("actionPlans.meetCheckpoint")}
        <span className="visually-hidden"> – {label}</span>
      </button>
      <ErrorSummary errors={failure.errors} labels={{ id: t("actionPlans.checkpoint") }} />
      <ProblemAlert problem={failure.problem} onReload={onMet} conflictKey="actionPlans.conflict" />
    </>
  );
}
