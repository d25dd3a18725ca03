import { forumFlagStates } from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import type { Me } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { formatDate } from "../format.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { forumCommunitiesOf, useFlagSubject } from "./flag-text.js";
import { FlagsQuery } from "./queries.js";

// A health community's flags, soonest due first, filtered by state (open by default). The
// community and state live in the address, so a list can be linked to and reloaded.

const pageSize = 50;

export function ForumFlagsPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("forumFlags.title")}>{(me) => <FlagList me={me} />}</RequireSignIn>;
}

function FlagList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const subject = useFlagSubject();
  const [params, setParams] = useSearchParams();
  const communities = forumCommunitiesOf(me.memberships);
  const community = params.get("community") ?? communities[0]?.value ?? "";
  const state = params.get("state") ?? "OPEN";
  // The cursors of the pages walked so far: the last one is shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, fetching, error }] = useQuery({
    query: FlagsQuery,
    variables: {
      community,
      state: (forumFlagStates as readonly string[]).includes(state) ? (state as "OPEN") : null,
      first: pageSize,
      after: cursors.at(-1) ?? null,
    },
    pause: !community,
  });
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
    setCursors([null]);
  };
  const flags = data?.forumFlags.edges.map((e) => e.node) ?? [];
  return (
    <>
      <PageHeading>{t("forumFlags.title")}</PageHeading>
      <p>{t("forumFlags.intro")}</p>
      {communities.length === 0 ? (
        <p>{t("forumFlags.notForum")}</p>
      ) : (
        <>
          <div className="form-grid">
            <SelectField
              id="flags-community"
              label={t("forumFlags.community")}
              value={community}
              onChange={(v) => update("community", v)}
              options={communities}
            />
            <SelectField
              id="flags-state"
              label={t("forumFlags.state")}
              value={state}
              onChange={(v) => update("state", v)}
              options={[
                ...forumFlagStates.map((s) => ({ value: s, label: t(`forumFlags.states.${s}`) })),
                { value: "ALL", label: t("forumFlags.allStates") },
              ]}
            />
          </div>
          <p>
            <Link className="button" to={`/forum-flags/new?community=${encodeURIComponent(community)}`}>
              {t("forumFlags.newFlag")}
            </Link>
          </p>
          <QueryStatus fetching={fetching && !data} error={error} />
          {data && (
            <>
              <p role="status">{t("forumFlags.count", { count: data.forumFlags.totalCount })}</p>
              {flags.length === 0 ? (
                <p>{t("forumFlags.none")}</p>
              ) : (
                <ul className="history-list" aria-label={t("forumFlags.title")}>
                  {flags.map((f) => (
                    <li key={f.id}>
                      <Link to={`/forum-flags/${f.id}`}>
                        {t(`forumFlags.kinds.${f.kind}`)}: {subject(f)}
                      </Link>
                      <span className="muted">
                        {" "}
                        – {t("forumFlags.owner")}: {f.owner.name} · {t("forumFlags.dueOn")}:{" "}
                        {formatDate(f.dueOn)} · {t(`forumFlags.states.${f.state}`)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {(cursors.length > 1 || data.forumFlags.pageInfo.hasNextPage) && (
                <nav className="pager" aria-label={t("pages.label")}>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={cursors.length === 1}
                    onClick={() => setCursors(cursors.slice(0, -1))}
                  >
                    {t("pages.previous")}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={!data.forumFlags.pageInfo.hasNextPage}
                    onClick={() => setCursors([...cursors, data.forumFlags.pageInfo.endCursor ?? null])}
                  >
                    {t("pages.next")}
                  </button>
                </nav>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
