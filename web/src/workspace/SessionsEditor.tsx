import { graphql } from "@samspill/graphql";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation } from "urql";
import { Field } from "../components/Field.js";
import { formatSpan, fromLocalInput, toLocalInput } from "../format.js";
import {
  type FieldErrors,
  isSuccess,
  MutationErrorFields,
  toFieldErrors,
  useIssueText,
} from "../shared/mutations.js";
import { type OfferDetails, type OfferSession, SessionFields } from "../shared/offer-query.js";
import { SessionSignUpCounts } from "./SessionSignUpCounts.js";

const AddSessionMutation = graphql(
  `
  mutation AddSession($input: AddSessionInput!) {
    addSession(input: $input) {
      __typename
      ... on MutationAddSessionSuccess { data { ...SessionFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [SessionFields, MutationErrorFields],
);

const UpdateSessionMutation = graphql(
  `
  mutation UpdateSession($input: UpdateSessionInput!) {
    updateSession(input: $input) {
      __typename
      ... on MutationUpdateSessionSuccess { data { ...SessionFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [SessionFields, MutationErrorFields],
);

const CancelSessionMutation = graphql(
  `
  mutation CancelSession($id: ID!, $version: Int!) {
    cancelSession(id: $id, version: $version) {
      __typename
      ... on MutationCancelSessionSuccess { data { ...SessionFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [SessionFields, MutationErrorFields],
);

// The document cache refetches queries that hold a changed type; an offer without sessions holds
// no OfferSession yet, so name the Offer too.
const refetchOffer = { additionalTypenames: ["Offer", "OfferSession"] };

interface SessionValues {
  startsAt: string;
  endsAt: string;
  capacity: string;
  registrations: string;
  location: string;
  onlineUrl: string;
  note: string;
  whatToBring: string;
  signUpDeadline: string;
  minimumParticipants: string;
}

function valuesOf(session: OfferSession | null): SessionValues {
  return {
    startsAt: session ? toLocalInput(session.startsAt) : "",
    endsAt: session ? toLocalInput(session.endsAt) : "",
    capacity: session?.capacity?.toString() ?? "",
    registrations: session ? String(session.registrations) : "0",
    location: session?.location ?? "",
    onlineUrl: session?.onlineUrl ?? "",
    note: session?.note ?? "",
    whatToBring: session?.whatToBring ?? "",
    signUpDeadline: session?.signUpDeadline ? toLocalInput(session.signUpDeadline) : "",
    minimumParticipants: session?.minimumParticipants?.toString() ?? "",
  };
}

function toInput(values: SessionValues) {
  const count = (v: string) => (v.trim() === "" ? null : Number(v));
  const text = (v: string) => (v.trim() === "" ? null : v.trim());
  return {
    startsAt: fromLocalInput(values.startsAt),
    endsAt: fromLocalInput(values.endsAt),
    capacity: count(values.capacity),
    registrations: count(values.registrations) ?? 0,
    location: text(values.location),
    onlineUrl: text(values.onlineUrl),
    note: text(values.note),
    whatToBring: text(values.whatToBring),
    signUpDeadline: values.signUpDeadline.trim() === "" ? null : fromLocalInput(values.signUpDeadline),
    minimumParticipants: count(values.minimumParticipants),
  };
}

export function SessionsEditor({
  offer,
  canEdit,
  onNotice,
}: {
  offer: OfferDetails;
  canEdit: boolean;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [, cancelSession] = useMutation(CancelSessionMutation);
  const [cancelError, setCancelError] = useState("");

  const cancel = async (session: OfferSession) => {
    const result = await cancelSession({ id: session.id, version: session.version }, refetchOffer);
    const answer = result.data?.cancelSession;
    if (isSuccess(answer)) {
      setCancelError("");
      onNotice(t("sessions.cancelledNotice"));
    } else
      setCancelError(
        answer?.__typename === "ForbiddenError"
          ? t("offerForm.forbidden")
          : (answer?.message ?? result.error?.message ?? ""),
      );
  };

  return (
    <section className="sessions-editor" aria-labelledby="sessions-editor-heading">
      <h2 id="sessions-editor-heading">{t("sessions.heading")}</h2>
      {cancelError && (
        <p role="alert" className="error">
          {cancelError}
        </p>
      )}
      {offer.sessions.length === 0 ? (
        <p>{t("sessions.none")}</p>
      ) : (
        <ul className="session-list">
          {offer.sessions.map((s) => (
            <li key={s.id} className={s.cancelled ? "cancelled" : undefined}>
              {editing === s.id ? (
                <SessionForm
                  offerId={offer.id}
                  session={s}
                  onDone={(notice) => {
                    setEditing(null);
                    if (notice) onNotice(notice);
                  }}
                />
              ) : (
                <div className="session-row">
                  <div>
                    <strong>{formatSpan(s.startsAt, s.endsAt)}</strong>
                    {s.cancelled && <span className="tag tag-cancelled">{t("sessions.cancelled")}</span>}
                    <br />
                    <span className="muted">
                      {s.capacity === null
                        ? t("sessions.placesOpen", { registrations: s.registrations })
                        : t("sessions.places", { registrations: s.registrations, capacity: s.capacity })}
                      {s.location && ` · ${s.location}`}
                    </span>
                    <SessionSignUpCounts session={s} />
                    <br />
                    {/* The run's page: attendance, its participation report and PAM results. */}
                    <Link to={`/courses/runs/${s.id}`}>{t("sessions.runPage")}</Link>
                  </div>
                  {canEdit && !s.cancelled && (
                    <div className="actions">
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => setEditing(s.id)}
                      >
                        {t("sessions.edit")}
                        <span className="visually-hidden"> {formatSpan(s.startsAt, s.endsAt)}</span>
                      </button>
                      <button type="button" className="button button-danger" onClick={() => void cancel(s)}>
                        {t("sessions.cancelSession")}
                        <span className="visually-hidden"> {formatSpan(s.startsAt, s.endsAt)}</span>
                      </button>
                    </div>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        (editing === "new" ? (
          <SessionForm
            offerId={offer.id}
            session={null}
            onDone={(notice) => {
              setEditing(null);
              if (notice) onNotice(notice);
            }}
          />
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setEditing("new")}>
            {t("sessions.add")}
          </button>
        ))}
    </section>
  );
}

function SessionForm({
  offerId,
  session,
  onDone,
}: {
  offerId: string;
  session: OfferSession | null;
  onDone: (notice: string | null) => void;
}) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const [values, setValues] = useState(() => valuesOf(session));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState("");
  const [{ fetching: adding }, addSession] = useMutation(AddSessionMutation);
  const [{ fetching: updating }, updateSession] = useMutation(UpdateSessionMutation);
  const set = (key: keyof SessionValues) => (value: string) => setValues({ ...values, [key]: value });
  const prefix = session ? `session-${session.id}` : "session-new";

  const submit = async () => {
    // Start and end are non-null in the schema: say so here rather than send a request that fails.
    const missing = (["startsAt", "endsAt"] as const).filter((key) => !values[key]);
    // fromLocalInput is null exactly for an empty field, so this only tells the type checker.
    const { startsAt, endsAt, ...rest } = toInput(values);
    if (missing.length > 0 || !startsAt || !endsAt) {
      setErrors(Object.fromEntries(missing.map((key) => [key, [t("offerForm.required")]])));
      return;
    }
    const input = { ...rest, startsAt, endsAt };
    const result = session
      ? await updateSession({ input: { id: session.id, version: session.version, ...input } }, refetchOffer)
      : await addSession({ input: { offerId, ...input } }, refetchOffer);
    const answer =
      result.data && "addSession" in result.data
        ? result.data.addSession
        : result.data && "updateSession" in result.data
          ? result.data.updateSession
          : undefined;
    if (isSuccess(answer)) return onDone(session ? t("sessions.updated") : t("sessions.added"));
    if (answer?.__typename === "ValidationError") {
      setErrors(toFieldErrors(answer.issues, issueText));
      setProblem("");
    } else {
      setErrors({});
      setProblem(
        answer?.__typename === "ConflictError"
          ? t("offerForm.conflict", { expected: answer.expectedVersion, current: answer.currentVersion })
          : answer?.__typename === "ForbiddenError"
            ? t("offerForm.forbidden")
            : (answer?.message ?? result.error?.message ?? ""),
      );
    }
  };

  const field = (
    key: keyof SessionValues,
    type: "datetime-local" | "number" | "text" | "url",
    required = false,
  ) => (
    <Field
      idPrefix={prefix}
      name={key}
      label={t(`sessions.${key}`)}
      type={type}
      value={values[key]}
      onChange={set(key)}
      errors={errors[key]}
      required={required}
      min={type === "number" ? 0 : undefined}
    />
  );

  return (
    <form
      className="session-form"
      noValidate
      aria-label={
        session
          ? t("sessions.editHeading", { date: formatSpan(session.startsAt, session.endsAt) })
          : t("sessions.add")
      }
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {errors[""] && (
        <p role="alert" className="error">
          {errors[""].join(" ")}
        </p>
      )}
      <div className="form-grid">
        {field("startsAt", "datetime-local", true)}
        {field("endsAt", "datetime-local", true)}
        {field("capacity", "number")}
        {field("registrations", "number")}
        {field("signUpDeadline", "datetime-local")}
        {field("minimumParticipants", "number")}
        {field("location", "text")}
        {field("onlineUrl", "url")}
      </div>
      {field("note", "text")}
      {field("whatToBring", "text")}
      <div className="actions">
        <button type="submit" className="button" disabled={adding || updating}>
          {t("sessions.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t("offerForm.cancel")}
        </button>
      </div>
    </form>
  );
}
