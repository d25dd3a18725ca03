import { graphql } from "@samspill/graphql";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { editorRoles, type Me } from "../auth/session.js";
import { ListPager } from "../components/ListPager.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { formatDateTime, formatSpan } from "../format.js";
import { enumLabel, languageLabel } from "../i18n/labels.js";
import { MutationErrorFields, useIssueText } from "../shared/mutations.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";

// /intake: the provider's requests for referral courses, oldest first, with the needs each
// person gave, to accept (a seat, or the waiting list when full) or decline. Editors and admins
// of the provider decide; the list is the provider's alone.

/** Requests a page; decided ones leave the list, so the next come up. */
const pageSize = 100;

const RequestsQuery = graphql(`
  query SignUpRequests($providerId: ID!, $limit: Int!, $offset: Int!) {
    signUpRequests(providerId: $providerId, limit: $limit, offset: $offset) {
      id
      role
      name
      email
      phone
      needsInterpreter
      interpreterLanguage
      accessibilityNeeds
      otherNeeds
      createdAt
      session {
        id
        startsAt
        endsAt
        offer {
          id
          title
        }
      }
    }
  }
`);

const DecideMutation = graphql(
  `
  mutation DecideSignUpRequest($id: ID!, $accept: Boolean!) {
    decideSignUpRequest(id: $id, accept: $accept) {
      __typename
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);

export function IntakePage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("signUp.intake.title")}>{(me) => <Intake me={me} />}</RequireSignIn>;
}

function Intake({ me }: { me: Me }) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const providers = me.memberships.filter((m) => editorRoles.includes(m.role));
  const [providerId, setProviderId] = useState(providers[0]?.organisationId ?? "");
  const [offset, setOffset] = useState(0);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RequestsQuery,
    variables: { providerId, limit: pageSize, offset },
    pause: !providerId,
    requestPolicy: "cache-and-network",
  });
  const [, decide] = useMutation(DecideMutation);
  const [message, setMessage] = useState("");

  const answer = async (id: string, name: string, accept: boolean) => {
    const result = await decide({ id, accept });
    const a = result.data?.decideSignUpRequest;
    if (a?.__typename === "MutationDecideSignUpRequestSuccess")
      setMessage(t("signUp.intake.accepted", { name }));
    else if (a?.__typename === "ValidationError") setMessage(a.issues.map(issueText).join(" "));
    else setMessage(a && "message" in a ? a.message : (result.error?.message ?? ""));
    refetch({ requestPolicy: "network-only" });
  };

  return (
    <>
      <h1>{t("signUp.intake.title")}</h1>
      <p>{t("signUp.intake.intro")}</p>
      {providers.length > 1 && (
        <SelectField
          id="field-providerId"
          label={t("signUp.intake.provider")}
          value={providerId}
          onChange={(id) => {
            setProviderId(id);
            setOffset(0);
          }}
          options={providers.map((p) => ({
            value: p.organisationId,
            label: p.organisationName ?? p.organisationId,
          }))}
        />
      )}
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <QueryStatus fetching={fetching && !data} error={error} />
      {data && data.signUpRequests.length === 0 && <p>{t("signUp.intake.none")}</p>}
      {data && data.signUpRequests.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t("signUp.intake.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("signUp.intake.course")}</th>
              <th scope="col">{t("signUp.intake.person")}</th>
              <th scope="col">{t("signUp.intake.needs")}</th>
              <th scope="col">{t("signUp.intake.received")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("signUp.intake.accept")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.signUpRequests.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.session.offer.title}
                  <br />
                  {formatSpan(r.session.startsAt, r.session.endsAt)}
                </td>
                <td>
                  {r.name} ({t(`signUp.roles.${r.role}`)})
                  <br />
                  {[r.email, r.phone].filter(Boolean).join(", ")}
                </td>
                <td>
                  <ul>
                    {r.needsInterpreter && (
                      <li>
                        {t("signUp.intake.interpreter", {
                          language: r.interpreterLanguage ? languageLabel(t, r.interpreterLanguage) : "",
                        })}
                      </li>
                    )}
                    {r.accessibilityNeeds.map((n) => (
                      <li key={n}>{enumLabel(t, "accessibility", n)}</li>
                    ))}
                    {r.otherNeeds && <li>{r.otherNeeds}</li>}
                  </ul>
                </td>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>
                  <button type="button" className="button" onClick={() => answer(r.id, r.name ?? "", true)}>
                    {t("signUp.intake.accept")}
                  </button>{" "}
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => answer(r.id, r.name ?? "", false)}
                  >
                    {t("signUp.intake.decline")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && (
        <ListPager
          offset={offset}
          pageSize={pageSize}
          shown={data.signUpRequests.length}
          onOffset={setOffset}
        />
      )}
    </>
  );
}
