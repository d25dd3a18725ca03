import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeading } from "../components/PageHeading.js";
import { formatSpan } from "../format.js";
import { enumLabel } from "../i18n/labels.js";
import { ContactBlock, currentSessions, OfferFacts, usePublicOffer } from "./parts.js";

// A one-page poster for notice boards and waiting rooms (DOMAIN: "posters"). The print
// stylesheet hides the site's header, menu and footer and the on-screen buttons.
export function OfferPrintPage() {
  const { t } = useTranslation();
  const { offer, fallback } = usePublicOffer();
  if (!offer) return fallback;
  const pageUrl = `${window.location.origin}/offers/${offer.id}`;
  const sessions = currentSessions(offer.sessions).filter((s) => !s.cancelled);
  return (
    <article className="poster">
      <div className="screen-only actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("offer.printNow")}
        </button>
        <Link className="button button-secondary" to={`/offers/${offer.id}`}>
          {t("offer.backToOffer")}
        </Link>
      </div>
      <p className="poster-provider">{offer.provider.name}</p>
      <PageHeading title={offer.title}>
        <span lang={offer.textLanguage}>{offer.title}</span>
      </PageHeading>
      <p className="poster-summary" lang={offer.textLanguage}>
        {offer.summary}
      </p>
      {sessions.length > 0 && (
        <section aria-labelledby="poster-when">
          <h2 id="poster-when">{t("offer.sessionWhen")}</h2>
          <ul className="poster-sessions">
            {sessions.slice(0, 6).map((s) => (
              <li key={s.id}>
                {formatSpan(s.startsAt, s.endsAt)}
                {s.location && ` · ${s.location}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="poster-facts">
        <h2 id="poster-facts">{t("offer.forWhom")}</h2>
        <OfferFacts offer={offer} />
        {offer.accessibility.length > 0 && (
          <p>
            <strong>{t("offer.accessibility")}:</strong>{" "}
            {offer.accessibility.map((f) => enumLabel(t, "accessibility", f)).join(", ")}
          </p>
        )}
      </section>
      <section aria-labelledby="poster-join">
        <h2 id="poster-join">{t("offer.howToJoin")}</h2>
        {offer.howToJoin && <p lang={offer.textLanguage}>{offer.howToJoin}</p>}
        <ContactBlock offer={offer} />
      </section>
      <footer className="poster-footer">
        <p>
          {t("offer.moreInfo")}: <strong>{pageUrl}</strong>
        </p>
        <p>{t("offer.posterFooter")}</p>
      </footer>
    </article>
  );
}
