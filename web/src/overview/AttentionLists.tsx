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

/** `flagCommunity`: the forum member's health community; each item then links to flagging it. */
export function GapList({ gaps, flagCommunity }: { gaps: Gap[]; flagCommunity?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="gaps-heading" className="overview-section">
      <h2 id="gaps-heading">
        {t("overview.gaps.heading")} <span className="count">({gaps.length})</span>
      </h2>
      {gaps.length === 0 ? (
        <p>{t("overview.gaps.none")}</p>
      ) : (
        <ul className="gap-list">
          {gaps.map((g) => (
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
          ))}
        </ul>
      )}
    </section>
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
    <section aria-labelledby="flagged-heading" className="overview-section">
      <h2 id="flagged-heading">
        {t("overview.flagged.heading")} <span className="count">({offers.length})</span>
      </h2>
      <p className="hint">{t("overview.flagged.intro")}</p>
      {offers.length === 0 ? (
        <p>{t("overview.flagged.none")}</p>
      ) : (
        <ul>
          {offers.map((o) => (
            <OfferLine key={o.offerId} offer={o} flagCommunity={flagCommunity} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function ExpiringAgreements({ agreements }: { agreements: ExpiringAgreement[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="agreements-heading" className="overview-section">
      <h2 id="agreements-heading">
        {t("overview.agreements.heading")} <span className="count">({agreements.length})</span>
      </h2>
      {agreements.length === 0 ? (
        <p>{t("overview.agreements.none")}</p>
      ) : (
        <ul>
          {agreements.map((a) => (
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
          ))}
        </ul>
      )}
    </section>
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
    <section aria-labelledby="reviews-due-heading" className="overview-section">
      <h2 id="reviews-due-heading">
        {t("overview.reviewsDue.heading")} <span className="count">({offers.length})</span>
      </h2>
      <p className="hint">{t("overview.reviewsDue.intro")}</p>
      {offers.length === 0 ? (
        <p>{t("overview.reviewsDue.none")}</p>
      ) : (
        <ul>
          {offers.map((o) => {
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
          })}
        </ul>
      )}
    </section>
  );
}
