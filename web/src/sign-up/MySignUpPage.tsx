import { graphql, type ResultOf } from "@samspill/graphql";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { Field } from "../components/Field.js";
import { PageHeading } from "../components/PageHeading.js";
import { RadioGroup } from "../components/RadioGroup.js";
import { QueryStatus } from "../components/Status.js";
import { formatDate, formatDateTime, formatSpan } from "../format.js";
import { type FieldErrors, MutationErrorFields, toFieldErrors, useIssueText } from "../shared/mutations.js";

// The page a sign-up's private link opens: what the person signed up for and where they stand
// (seat, place in line, a seat offered until when), their own details to change, and the ways
// out: cancel, or delete their details at once. The token in the path is the only key.

const MySignUpFields = graphql(`
  fragment MySignUpFields on MySignUp {
    id
    status
    role
    name
    email
    phone
    locale
    position
    offeredUntil
    keptUntil
    offerId
    offerTitle
    startsAt
    endsAt
    location
    sessionCancelled
  }
`);

const MySignUpQuery = graphql(
  `
  query MySignUp($token: String!) {
    signUpByToken(token: $token) {
      ...MySignUpFields
    }
  }
`,
  [MySignUpFields],
);

const UpdateMutation = graphql(
  `
  mutation UpdateMySignUp($input: UpdateSignUpInput!) {
    updateSignUp(input: $input) {
      __typename
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);
const CancelMutation = graphql(
  `
  mutation CancelMySignUp($token: String!) {
    cancelSignUp(token: $token) {
      __typename
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);
const AnswerMutation = graphql(
  `
  mutation AnswerSeatOffer($token: String!, $accept: Boolean!) {
    answerSeatOffer(token: $token, accept: $accept) {
      __typename
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);
const DeleteMutation = graphql(
  `
  mutation DeleteMySignUp($token: String!) {
    deleteSignUp(token: $token) {
      __typename
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);

type MySignUp = ResultOf<typeof MySignUpFields>;
const active = ["REQUESTED", "CONFIRMED", "WAITING", "OFFERED"];

export function MySignUpPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MySignUpQuery,
    variables: { token },
    requestPolicy: "network-only",
  });
  const [deleted, setDeleted] = useState(false);
  if (deleted)
    return (
      <>
        <PageHeading>{t("signUp.page.title")}</PageHeading>
        <p role="status">{t("signUp.page.deleted")}</p>
      </>
    );
  const signUp = data?.signUpByToken;
  if (!signUp)
    return (
      <>
        <PageHeading>{t("signUp.page.title")}</PageHeading>
        <QueryStatus fetching={fetching} error={error} />
        {!fetching && data && <p>{t("signUp.page.notFound")}</p>}
      </>
    );
  return (
    <SignUpView
      token={token}
      signUp={signUp}
      reload={() => refetch({ requestPolicy: "network-only" })}
      onDeleted={() => setDeleted(true)}
    />
  );
}

function SignUpView(props: { token: string; signUp: MySignUp; reload: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const { token, signUp } = props;
  const [, update] = useMutation(UpdateMutation);
  const [, cancel] = useMutation(CancelMutation);
  const [, answer] = useMutation(AnswerMutation);
  const [, remove] = useMutation(DeleteMutation);
  const [draft, setDraft] = useState({
    name: signUp.name,
    email: signUp.email ?? "",
    phone: signUp.phone ?? "",
    locale: signUp.locale,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");

  type Answer =
    | { __typename: string; issues?: Parameters<typeof toFieldErrors>[0]; message?: string }
    | undefined;
  const settle = (result: Answer, done: string) => {
    if (result?.__typename.endsWith("Success")) {
      setErrors({});
      setMessage(done);
      props.reload();
      return true;
    }
    if (result?.__typename === "ValidationError" && result.issues)
      setErrors(toFieldErrors(result.issues, issueText));
    else setErrors({ "": [result?.message ?? ""] });
    return false;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const r = await update({
      input: {
        token,
        name: draft.name,
        email: draft.email || null,
        phone: draft.phone || null,
        locale: draft.locale,
      },
    });
    settle(r.data?.updateSignUp as Answer, t("signUp.page.saved"));
  };
  const isActive = active.includes(signUp.status);
  const labels = {
    name: t("signUp.name"),
    email: t("signUp.email"),
    phone: t("signUp.phone"),
    token: t("signUp.page.status"),
  };

  return (
    <article className="sign-up-page">
      <PageHeading>{t("signUp.page.title")}</PageHeading>
      <p className="lead">
        <Link to={`/offers/${signUp.offerId}`}>{signUp.offerTitle}</Link>
        <br />
        {formatSpan(signUp.startsAt, signUp.endsAt)}
        {signUp.location ? `, ${signUp.location}` : ""}
      </p>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <ErrorSummary errors={errors} labels={labels} />
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t("signUp.page.status")}</h2>
        {signUp.sessionCancelled && <p className="tag tag-cancelled">{t("signUp.page.sessionCancelled")}</p>}
        <p>{t(`signUp.page.statuses.${signUp.status}`)}</p>
        {signUp.position !== null && <p>{t("signUp.page.position", { position: signUp.position })}</p>}
        {signUp.status === "OFFERED" && signUp.offeredUntil && (
          <>
            <p>{t("signUp.page.offeredUntil", { when: formatDateTime(signUp.offeredUntil) })}</p>
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={async () =>
                  settle(
                    (await answer({ token, accept: true })).data?.answerSeatOffer as Answer,
                    t("signUp.done.CONFIRMED"),
                  )
                }
              >
                {t("signUp.page.accept")}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={async () =>
                  settle(
                    (await answer({ token, accept: false })).data?.answerSeatOffer as Answer,
                    t("signUp.page.cancelled"),
                  )
                }
              >
                {t("signUp.page.decline")}
              </button>
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t("signUp.page.details")}</h2>
        {isActive ? (
          <form onSubmit={save} noValidate>
            <Field
              name="name"
              label={labels.name}
              value={draft.name}
              onChange={(name) => setDraft({ ...draft, name })}
              required
              autoComplete="name"
              errors={errors.name}
            />
            <Field
              name="email"
              type="email"
              label={labels.email}
              value={draft.email}
              onChange={(email) => setDraft({ ...draft, email })}
              autoComplete="email"
              errors={errors.email}
            />
            <Field
              name="phone"
              type="tel"
              label={labels.phone}
              value={draft.phone}
              onChange={(phone) => setDraft({ ...draft, phone })}
              autoComplete="tel"
              errors={errors.phone}
            />
            <RadioGroup
              legend={t("signUp.locale")}
              value={draft.locale}
              onChange={(locale) => setDraft({ ...draft, locale })}
              options={(["nb", "nn", "en"] as const).map((l) => ({
                value: l,
                label: t(`signUp.locales.${l}`),
              }))}
            />
            <button type="submit" className="button">
              {t("signUp.page.save")}
            </button>
          </form>
        ) : (
          <p>{signUp.name}</p>
        )}
        <p className="hint">{t("signUp.page.keptUntil", { when: formatDate(signUp.keptUntil) })}</p>
      </section>
      <div className="actions">
        {isActive && (
          <button
            type="button"
            className="button button-secondary"
            onClick={async () => {
              if (!window.confirm(t("signUp.page.confirmCancel"))) return;
              settle((await cancel({ token })).data?.cancelSignUp as Answer, t("signUp.page.cancelled"));
            }}
          >
            {t("signUp.page.cancel")}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          aria-describedby="delete-hint"
          onClick={async () => {
            if (!window.confirm(t("signUp.page.confirmDelete"))) return;
            if (settle((await remove({ token })).data?.deleteSignUp as Answer, t("signUp.page.deleted")))
              props.onDeleted();
          }}
        >
          {t("signUp.page.delete")}
        </button>
      </div>
      <p id="delete-hint" className="hint">
        {t("signUp.page.deleteHint")}
      </p>
    </article>
  );
}
