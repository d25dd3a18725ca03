import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import type { Me } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { formatDateTime } from "../format.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import "./mail.css";
import { MailFrame, MailText } from "./MailFrame.js";
import { DigestRecipientsQuery, PreviewDigestQuery, SentMailQuery, SentMailsQuery } from "./queries.js";

const pageSize = 25;

/** Who may open the mail page: admins of any organisation (the gateway narrows what each sees). */
export const isAdmin = (me: Me | null) => !!me?.memberships.some((m) => m.role === "ADMIN");

// The opened mail (?mail=) and the previewed person (?person=) live in the URL, so the back
// button closes them and a link to one can be shared with another admin.
export function MailPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t("mail.title")}>
      {(me) =>
        isAdmin(me) ? (
          <MailAdmin />
        ) : (
          <>
            <PageHeading>{t("mail.title")}</PageHeading>
            <p>{t("mail.forbidden")}</p>
          </>
        )
      }
    </RequireSignIn>
  );
}

function MailAdmin() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const mailId = params.get("mail") ?? "";
  const personId = params.get("person") ?? "";
  return (
    <>
      <PageHeading>{t("mail.title")}</PageHeading>
      <p className="lead">{t("mail.lead")}</p>
      <SentMails openId={mailId} />
      {mailId && <OpenedMail id={mailId} />}
      <DigestPreview personId={personId} />
    </>
  );
}

/** The query string with one parameter set or removed, the others kept. */
function useHrefWith() {
  const [params] = useSearchParams();
  return (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    return `?${next.toString()}`;
  };
}

function SentMails({ openId }: { openId: string }) {
  const { t } = useTranslation();
  const hrefWith = useHrefWith();
  // Each "show older" adds a page after the last one, so the list grows without losing its top.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="sent-mail-heading">
      <h2 id="sent-mail-heading">{t("mail.sent")}</h2>
      <table className="data-table mail-table">
        <thead>
          <tr>
            <th scope="col">{t("mail.subject")}</th>
            <th scope="col">{t("mail.to")}</th>
            <th scope="col">{t("mail.date")}</th>
          </tr>
        </thead>
        {cursors.map((after, index) => (
          <MailListPage
            key={after ?? "first"}
            after={after}
            first={index === 0}
            last={index === cursors.length - 1}
            openId={openId}
            hrefWith={hrefWith}
            onMore={(cursor) => setCursors((list) => [...list, cursor])}
          />
        ))}
      </table>
    </section>
  );
}

/** One page of the list, as its own table body. */
function MailListPage({
  after,
  first,
  last,
  openId,
  hrefWith,
  onMore,
}: {
  after: string | null;
  first: boolean;
  last: boolean;
  openId: string;
  hrefWith: (key: string, value: string | null) => string;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: SentMailsQuery,
    variables: { first: pageSize, after },
    requestPolicy: "cache-and-network",
  });
  const page = data?.sentMails;
  return (
    <tbody>
      {!page && (
        <tr>
          <td colSpan={3}>
            <QueryStatus fetching={fetching} error={error} />
          </td>
        </tr>
      )}
      {first && page?.edges.length === 0 && (
        <tr>
          <td colSpan={3}>{t("mail.none")}</td>
        </tr>
      )}
      {page?.edges.map(({ node }) => (
        <tr key={node.id} aria-current={node.id === openId ? "true" : undefined}>
          <td>
            <Link to={hrefWith("mail", node.id)}>{node.subject}</Link>
          </td>
          <td>{node.to.join(", ")}</td>
          <td>{formatDateTime(node.receivedAt)}</td>
        </tr>
      ))}
      {last && page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <tr>
          <td colSpan={3}>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => onMore(page.pageInfo.endCursor as string)}
            >
              {t("mail.more")}
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

function OpenedMail({ id }: { id: string }) {
  const { t } = useTranslation();
  const hrefWith = useHrefWith();
  const heading = useRef<HTMLHeadingElement>(null);
  const [{ data, fetching, error }] = useQuery({ query: SentMailQuery, variables: { id } });
  const mail = data?.sentMail;
  useEffect(() => {
    // Opening a mail moves focus to it, as a page change would.
    if (mail) heading.current?.focus();
  }, [mail]);
  if (!data) return <QueryStatus fetching={fetching} error={error} />;
  if (!mail)
    return (
      <section aria-labelledby="open-mail-heading" className="mail-open">
        <h2 id="open-mail-heading">{t("mail.notFound")}</h2>
        <p>
          <Link to={hrefWith("mail", null)}>{t("mail.close")}</Link>
        </p>
      </section>
    );
  return (
    <section aria-labelledby="open-mail-heading" className="mail-open">
      <h2 id="open-mail-heading" ref={heading} tabIndex={-1}>
        {mail.subject}
      </h2>
      <dl className="facts">
        <dt>{t("mail.from")}</dt>
        <dd>{mail.from}</dd>
        <dt>{t("mail.to")}</dt>
        <dd>{mail.to.join(", ")}</dd>
        <dt>{t("mail.date")}</dt>
        <dd>{formatDateTime(mail.receivedAt)}</dd>
      </dl>
      <p>
        <Link to={hrefWith("mail", null)}>{t("mail.close")}</Link>
      </p>
      <h3>{t("mail.html")}</h3>
      {mail.html ? (
        <>
          <p className="hint">{t("mail.sandboxed")}</p>
          <MailFrame html={mail.html} title={t("mail.htmlFrame", { subject: mail.subject })} />
        </>
      ) : (
        <p>{t("mail.noHtml")}</p>
      )}
      <h3 id="open-mail-text">{t("mail.text")}</h3>
      <MailText text={mail.text} label={t("mail.text")} />
    </section>
  );
}

function DigestPreview({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [{ data: people, error: peopleError }] = useQuery({
    query: DigestRecipientsQuery,
  });
  const [chosen, setChosen] = useState(personId);
  const options = (people?.digestRecipients ?? []).map((p) => ({
    value: p.personId,
    label: p.organisations.length > 0 ? `${p.name} (${p.organisations.join(", ")})` : p.name,
  }));
  return (
    <section aria-labelledby="digest-preview-heading" className="digest-preview">
      <h2 id="digest-preview-heading">{t("mail.preview")}</h2>
      <p>{t("mail.previewLead")}</p>
      <QueryStatus fetching={false} error={peopleError} />
      <form
        className="preview-form"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams(params);
          if (chosen) next.set("person", chosen);
          else next.delete("person");
          setParams(next);
        }}
      >
        <SelectField
          id="preview-person"
          label={t("mail.person")}
          value={chosen}
          emptyLabel={t("mail.choosePerson")}
          options={options}
          onChange={setChosen}
        />
        <div className="field">
          <button type="submit" className="button" disabled={!chosen}>
            {t("mail.showPreview")}
          </button>
        </div>
      </form>
      {personId && <PreviewOf personId={personId} />}
    </section>
  );
}

function PreviewOf({ personId }: { personId: string }) {
  const { t } = useTranslation();
  // Always rendered afresh: the digest is what would be sent now.
  const [{ data, fetching, error }] = useQuery({
    query: PreviewDigestQuery,
    variables: { personId },
    requestPolicy: "network-only",
  });
  if (!data) return <QueryStatus fetching={fetching} error={error} />;
  const preview = data.previewDigest;
  if (!preview) return <p>{t("mail.noSubscription")}</p>;
  return (
    <article aria-labelledby="preview-subject">
      <h3 id="preview-subject">{preview.subject}</h3>
      <p className="meta">
        {t("mail.period", { week: preview.periodKey, since: formatDateTime(preview.since) })}
      </p>
      {!preview.active && <p className="alert alert-warning">{t("mail.inactive")}</p>}
      {preview.empty && <p className="alert alert-warning">{t("mail.empty")}</p>}
      <h4>{t("mail.html")}</h4>
      <p className="hint">{t("mail.sandboxed")}</p>
      <MailFrame html={preview.html} title={t("mail.htmlFrame", { subject: preview.subject })} />
      <h4>{t("mail.text")}</h4>
      <MailText text={preview.text} label={`${t("mail.text")}: ${preview.subject}`} />
    </article>
  );
}
