import { accessibilityFeatures, type SignUpLocale, type SignUpRole } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { CheckboxGroup } from "../components/CheckboxGroup.js";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { Field } from "../components/Field.js";
import { RadioGroup } from "../components/RadioGroup.js";
import { formatDateTime, formatSpan } from "../format.js";
import { enumLabel } from "../i18n/labels.js";
import { type FieldErrors, MutationErrorFields, toFieldErrors, useIssueText } from "../shared/mutations.js";

// Signing up for a session from the offer page, without an account: who comes, how to reach
// them, their needs and their consent. The answer carries the private link, shown once here
// (and mailed when an address was given).

const SignUpSessionsQuery = graphql(`
  query SignUpSessions($id: ID!) {
    offer(id: $id) {
      id
      requiresReferral
      sessions(upcomingOnly: true) {
        id
        startsAt
        endsAt
        signUpState
        signUpDeadline
      }
    }
    signUpRetentionMonths
  }
`);

const SignUpMutation = graphql(
  `
  mutation SignUp($input: SignUpInput!) {
    signUpForSession(input: $input) {
      __typename
      ... on MutationSignUpForSessionSuccess {
        data {
          id
          status
          token
        }
      }
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);

interface Draft {
  sessionId: string;
  role: SignUpRole;
  name: string;
  email: string;
  phone: string;
  locale: SignUpLocale;
  needsInterpreter: boolean;
  interpreterLanguage: string;
  accessibilityNeeds: (typeof accessibilityFeatures)[number][];
  otherNeeds: string;
  consent: boolean;
}

const blank = (sessionId: string, locale: SignUpLocale): Draft => ({
  sessionId,
  role: "PATIENT",
  name: "",
  email: "",
  phone: "",
  locale,
  needsInterpreter: false,
  interpreterLanguage: "",
  accessibilityNeeds: [],
  otherNeeds: "",
  consent: false,
});

export function SignUpForm({ offerId }: { offerId: string }) {
  const { t, i18n } = useTranslation();
  const issueText = useIssueText();
  const [{ data }] = useQuery({ query: SignUpSessionsQuery, variables: { id: offerId } });
  const [{ fetching }, signUp] = useMutation(SignUpMutation);
  const uiLocale = (["nb", "nn", "en"].includes(i18n.language) ? i18n.language : "nb") as SignUpLocale;
  const [draft, setDraft] = useState<Draft>(blank("", uiLocale));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [receipt, setReceipt] = useState<{ status: string; token: string } | null>(null);
  const offer = data?.offer;
  if (!offer) return null;
  const open = offer.sessions.filter((s) => s.signUpState !== "CLOSED");
  const heading = offer.requiresReferral ? t("signUp.requestHeading") : t("signUp.heading");
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const sessionId = draft.sessionId || open[0]?.id || "";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signUp({
      input: {
        sessionId,
        role: draft.role,
        name: draft.name,
        email: draft.email || null,
        phone: draft.phone || null,
        locale: draft.locale,
        needsInterpreter: draft.needsInterpreter,
        interpreterLanguage: draft.needsInterpreter ? draft.interpreterLanguage || null : null,
        accessibilityNeeds: draft.accessibilityNeeds,
        otherNeeds: draft.otherNeeds || null,
        consent: draft.consent,
      },
    });
    const answer = result.data?.signUpForSession;
    if (answer?.__typename === "MutationSignUpForSessionSuccess") {
      setErrors({});
      setReceipt(answer.data);
      setDraft(blank("", draft.locale));
    } else if (answer?.__typename === "ValidationError") setErrors(toFieldErrors(answer.issues, issueText));
    else setErrors({ "": [answer && "message" in answer ? answer.message : (result.error?.message ?? "")] });
  };

  const labels = {
    sessionId: t("signUp.session"),
    name: t("signUp.name"),
    email: t("signUp.email"),
    phone: t("signUp.phone"),
    interpreterLanguage: t("signUp.interpreterLanguage"),
    otherNeeds: t("signUp.otherNeeds"),
    consent: t("signUp.consent", { months: data.signUpRetentionMonths }),
  };

  return (
    <section aria-labelledby="sign-up-heading" className="sign-up">
      <h2 id="sign-up-heading">{heading}</h2>
      {receipt ? (
        <div role="status" className="notice">
          <p>{t(`signUp.done.${receipt.status as "CONFIRMED" | "WAITING" | "REQUESTED"}`)}</p>
          <p>{t("signUp.keepLink")}</p>
          <p>
            <Link to={`/sign-ups/${receipt.token}`}>{t("signUp.openLink")}</Link>
          </p>
        </div>
      ) : open.length === 0 ? (
        <p>{t("signUp.noneOpen")}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{offer.requiresReferral ? t("signUp.referralIntro") : t("signUp.intro")}</p>
          <ErrorSummary errors={errors} labels={labels} />
          <RadioGroup
            id="field-sessionId"
            legend={t("signUp.session")}
            value={sessionId}
            onChange={(v) => set("sessionId", v)}
            options={open.map((s) => ({
              value: s.id,
              label: `${formatSpan(s.startsAt, s.endsAt)} – ${t(`signUp.state.${s.signUpState}`)}${
                s.signUpDeadline
                  ? ` (${t("signUp.deadline", { when: formatDateTime(s.signUpDeadline) })})`
                  : ""
              }`,
            }))}
          />
          <RadioGroup
            legend={t("signUp.role")}
            value={draft.role}
            onChange={(v) => set("role", v)}
            options={(["PATIENT", "RELATIVE"] as const).map((r) => ({
              value: r,
              label: t(`signUp.roles.${r}`),
            }))}
          />
          <Field
            name="name"
            label={labels.name}
            value={draft.name}
            onChange={(v) => set("name", v)}
            required
            autoComplete="name"
            errors={errors.name}
          />
          <p className="hint">{t("signUp.contactHint")}</p>
          <Field
            name="email"
            type="email"
            label={labels.email}
            value={draft.email}
            onChange={(v) => set("email", v)}
            autoComplete="email"
            errors={errors.email}
          />
          <Field
            name="phone"
            type="tel"
            label={labels.phone}
            value={draft.phone}
            onChange={(v) => set("phone", v)}
            autoComplete="tel"
            errors={errors.phone}
          />
          <RadioGroup
            legend={t("signUp.locale")}
            value={draft.locale}
            onChange={(v) => set("locale", v)}
            options={(["nb", "nn", "en"] as const).map((l) => ({
              value: l,
              label: t(`signUp.locales.${l}`),
            }))}
          />
          <div className="field">
            <input
              type="checkbox"
              id="field-needsInterpreter"
              checked={draft.needsInterpreter}
              onChange={(e) => set("needsInterpreter", e.currentTarget.checked)}
            />
            <label htmlFor="field-needsInterpreter">{t("signUp.needsInterpreter")}</label>
          </div>
          {draft.needsInterpreter && (
            <Field
              name="interpreterLanguage"
              label={labels.interpreterLanguage}
              hint="ar, so, ti, uk, pl …"
              value={draft.interpreterLanguage}
              onChange={(v) => set("interpreterLanguage", v)}
              errors={errors.interpreterLanguage}
            />
          )}
          <CheckboxGroup
            legend={t("signUp.accessibilityNeeds")}
            options={accessibilityFeatures.map((f) => ({
              value: f,
              label: enumLabel(t, "accessibility", f),
            }))}
            selected={draft.accessibilityNeeds}
            onChange={(v) => set("accessibilityNeeds", v)}
          />
          <Field
            name="otherNeeds"
            label={labels.otherNeeds}
            hint={t("signUp.otherNeedsHint")}
            value={draft.otherNeeds}
            onChange={(v) => set("otherNeeds", v)}
            multiline
            errors={errors.otherNeeds}
          />
          <div className={`field${errors.consent ? " has-error" : ""}`}>
            <input
              type="checkbox"
              id="field-consent"
              checked={draft.consent}
              required
              aria-invalid={errors.consent ? true : undefined}
              onChange={(e) => set("consent", e.currentTarget.checked)}
            />
            <label htmlFor="field-consent">{labels.consent}</label>
          </div>
          <button type="submit" className="button" disabled={fetching}>
            {fetching
              ? t("signUp.sending")
              : offer.requiresReferral
                ? t("signUp.submitRequest")
                : t("signUp.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
