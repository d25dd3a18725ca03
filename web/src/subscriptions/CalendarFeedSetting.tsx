import { graphql } from "@samspill/graphql";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { QueryStatus } from "../components/Status.js";
import { formatDateTime } from "../format.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { MutationErrorFields } from "../shared/mutations.js";

// The signed-in person's private calendar feed of their meetings: make a link (shown once, as
// only its hash is kept), copy it into a calendar client, or revoke it. Beside their mail choices,
// since both are how the hub reaches the person.

const MyCalendarFeedQuery = graphql(`
  query MyCalendarFeed {
    myCalendarFeedCreatedAt
  }
`);

const CreateMyCalendarFeedMutation = graphql(
  `
  mutation CreateMyCalendarFeed {
    createMyCalendarFeed {
      __typename
      ... on MutationCreateMyCalendarFeedSuccess {
        data {
          url
          createdAt
        }
      }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const RevokeMyCalendarFeedMutation = graphql(
  `
  mutation RevokeMyCalendarFeed {
    revokeMyCalendarFeed {
      __typename
      ... on MutationRevokeMyCalendarFeedSuccess {
        data
      }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export function CalendarFeedSetting() {
  const { t } = useTranslation();
  const headingId = useId();
  const urlId = useId();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyCalendarFeedQuery });
  const [creating, create] = useMutation(CreateMyCalendarFeedMutation);
  const [revoking, revoke] = useMutation(RevokeMyCalendarFeedMutation);
  const failure = useFailure();
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  if (!data) return <QueryStatus fetching={fetching} error={error} />;
  const reload = () => refetch({ requestPolicy: "network-only" });
  const createdAt = data.myCalendarFeedCreatedAt;

  const onCreate = async () => {
    setNotice("");
    const made = settle(failure, await create({}), "createMyCalendarFeed");
    if (made) {
      setUrl(made.url);
      reload();
    }
  };
  const onRevoke = async () => {
    setNotice("");
    if (settle(failure, await revoke({}), "revokeMyCalendarFeed") !== null) {
      setUrl(null);
      setNotice(t("calendarFeed.revoked"));
      reload();
    }
  };
  const onCopy = async () => {
    if (!url) return;
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setNotice(t("calendarFeed.copied"));
  };

  return (
    <section aria-labelledby={headingId} className="form-section">
      <h2 id={headingId}>{t("calendarFeed.heading")}</h2>
      <p>{t("calendarFeed.lead")}</p>
      <p>
        {createdAt ? t("calendarFeed.live", { date: formatDateTime(createdAt) }) : t("calendarFeed.none")}
      </p>
      {url && (
        <div>
          <label htmlFor={urlId}>{t("calendarFeed.urlLabel")}</label>
          <input id={urlId} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <p className="hint">{t("calendarFeed.onlyOnce")}</p>
          <button type="button" className="button button-secondary" onClick={onCopy}>
            {t("calendarFeed.copy")}
          </button>
        </div>
      )}
      <ProblemAlert problem={failure.problem} />
      <button type="button" className="button" disabled={creating.fetching} onClick={onCreate}>
        {createdAt ? t("calendarFeed.replace") : t("calendarFeed.create")}
      </button>{" "}
      {createdAt && (
        <button
          type="button"
          className="button button-secondary"
          disabled={revoking.fetching}
          onClick={onRevoke}
        >
          {t("calendarFeed.revoke")}
        </button>
      )}
      <p role="status">{notice}</p>
    </section>
  );
}
