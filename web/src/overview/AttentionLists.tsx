import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../format.js";
import { enumLabel } from "../i18n/labels.js";
import type { ExpiringAgreement, Gap, OverviewOffer } from "./queries.js";

// What the forum should look at, each in its own headed section: the gaps in the offer, the
// task-division cases, agreements about to expire and courses due for their five-yearly review.

/** The raise-flag form's address with the subject filled in (forum-flags/RaiseFlagPage.tsx). */
function flagHref(community: string, subject: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams({ community });
  for (const [key, value] of Object.entries(subject)) if (value) params.set(key, value);
  return `/forum-flags/new?${params}`;
}

type Section = "gaps" | "flagged" | "agreements" | "reviewsDue";
const headingIds: Record<Section, string> = {
  gaps: "gaps-heading",
  flagged: "flagged-heading",
  agreements: "agreements-heading",
  reviewsDue: "reviews-due-heading",
};

/** One headed list with its count, an optional introduction, and a line of its own when empty. */
function AttentionSection<T>({
  section,
  items,
  intro,
  listClassName,
  children,
}: {
  section: Section;
  items: readonly T[];
  intro?: string;
  listClassName?: string;
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingIds[section]} className="overview-section">
      <h2 id={headingIds[section]}>
        {t(`overview.${section}.heading`)} <span className="count">({items.length})</span>
      </h2>
      {intro && <p className="hint">{intro}</p>}
      {items.length === 0 ? (
        <p>{t(`overview.${section}.none`)}</p>
      ) : (
        <ul className={listClassName}>{items.map(children)}</ul>
      )}
    </section>
  );
}

/** `flagCommunity`: the forum member's health community; each item then links to flagging it. */
export function GapList({ gaps, flagCommunity }: { gaps: Gap[]; flagCommunity?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <AttentionSection section="gaps" items={gaps} listClassName="gap-list">
      {(g) => (
        <li key={`${g.kind}:${g.municipalityNumber ?? ""}:${g.priorityGroup ?? ""}`}>
          {t(`overview.gaps.${g.kind}`, {
            municipality: g.municipalityName ?? g.municipalityNumber ?? "",
            group: g.priorityGroup ? enumLabel(t, "priorityGroup", g.priorityGroup).toLowerCase() : "",
          })}
          {flagCommunity && g.municipalityNumber && (
            <>
              {" "}
              <Link
                to={flagHref(flagCommunity, {
                  municipality: g.municipalityNumber,
                  priorityGroup: g.priorityGroup,
                })}
              >
                {t("forumFlags.flagGap")}
              </Link>
            </>
          )}
        </li>
      )}
    </AttentionSection>
  );
}

function OfferLine({
  offer,
  extra,
  flagCommunity,
}: {
  offer: OverviewOffer;
  extra?: string | undefined;
  flagCommunity?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={`/offers/${offer.offerId}`}>{offer.title}</Link>
      <span className="muted">
        {" "}
        – {offer.provider.name}
        {extra ? ` · ${extra}` : ""}
      </span>
      {flagCommunity && (
        <>
          {" "}
          <Link to={flagHref(flagCommunity, { offer: offer.offerId, owner: offer.provider.id })}>
            {t("forumFlags.flagOffer")}
          </Link>
        </>
      )}
    </li>
  );
}

export function FlaggedList({
  offers,
  flagCommunity,
}: {
  offers: OverviewOffer[];
  flagCommunity?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <AttentionSection section="flagged" items={offers} intro={t("overview.flagged.intro")}>
      {(o) => <OfferLine key={o.offerId} offer={o} flagCommunity={flagCommunity} />}
    </AttentionSection>
  );
}

export function ExpiringAgreements({ agreements }: { agreements: ExpiringAgreement[] }) {
  const { t } = useTranslation();
  return (
    <AttentionSection section="agreements" items={agreements}>
      {(a) => (
        <li key={a.id}>
          <strong>{a.title}</strong>
          {a.subAgreement ? ` (${a.subAgreement})` : ""}
          <br />
          <span className="muted">
            {a.daysLeft < 0
              ? t("overview.agreements.expired", { count: -a.daysLeft, date: formatDate(a.validTo) })
              : t("overview.agreements.expires", { count: a.daysLeft, date: formatDate(a.validTo) })}
            {" · "}
            {a.parties.map((p) => p.name).join(", ")}
          </span>
        </li>
      )}
    </AttentionSection>
  );
}

export function ReviewsDue({
  offers,
  flagCommunity,
}: {
  offers: OverviewOffer[];
  flagCommunity?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <AttentionSection section="reviewsDue" items={offers} intro={t("overview.reviewsDue.intro")}>
      {(o) => {
        const days = o.reviewDueInDays ?? 0;
        const date = o.reviewDueOn ? formatDate(o.reviewDueOn) : "";
        return (
          <OfferLine
            key={o.offerId}
            offer={o}
            flagCommunity={flagCommunity}
            extra={
              days < 0
                ? t("overview.reviewsDue.overdue", { count: -days, date })
                : t("overview.reviewsDue.dueIn", { count: days, date })
            }
          />
        );
      }}
    </AttentionSection>
  );
}
