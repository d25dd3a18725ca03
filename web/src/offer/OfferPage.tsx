import { accessibilityFeatures } from "@samspill/domain";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { OfferBadges } from "../components/Badges.js";
import { PageHeading } from "../components/PageHeading.js";
import { enumLabel } from "../i18n/labels.js";
import {
  ContactBlock,
  currentSessions,
  OfferFacts,
  Paragraphs,
  SessionTable,
  usePublicOffer,
} from "./parts.js";
import { SignUpForm } from "./SignUpForm.js";

export function OfferPage() {
  const { t } = useTranslation();
  const { offer, fallback } = usePublicOffer();
  if (!offer) return fallback;

  const features = accessibilityFeatures.filter((f) => offer.accessibility.includes(f));
  return (
    <article className="offer-page">
      <p className="breadcrumb">
        <Link to="/">← {t("offer.backToCatalogue")}</Link>
      </p>
      {/* The provider's own texts are marked with the language they were written in. */}
      <PageHeading title={offer.title}>
        <span lang={offer.textLanguage}>{offer.title}</span>
      </PageHeading>
      <p className="lead" lang={offer.textLanguage}>
        {offer.summary}
      </p>
      <p className="meta">{t("catalogue.provider", { name: offer.provider.name })}</p>
      <OfferBadges format={offer.format} languages={offer.languages} accessibility={offer.accessibility} />
      <div className="actions">
        {offer.registrationUrl && (
          <a className="button" href={offer.registrationUrl}>
            {t("offer.register")}
          </a>
        )}
        {offer.status === "PUBLISHED" && (
          <a className="button button-secondary" href={`/calendar/offers/${offer.id}.ics`} download>
            {t("offer.addToCalendar")}
          </a>
        )}
        <Link className="button button-secondary" to={`/offers/${offer.id}/print`}>
          {t("offer.print")}
        </Link>
      </div>

      <div className="offer-layout">
        <div className="offer-main">
          {offer.description && (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading">{t("offer.description")}</h2>
              <div lang={offer.textLanguage}>
                <Paragraphs text={offer.description} />
              </div>
            </section>
          )}
          <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t("offer.sessions")}</h2>
            <SessionTable offer={offer} sessions={currentSessions(offer.sessions)} />
          </section>
          {offer.status === "PUBLISHED" && <SignUpForm offerId={offer.id} />}
          <section aria-labelledby="for-whom-heading">
            <h2 id="for-whom-heading">{t("offer.forWhom")}</h2>
            <OfferFacts offer={offer} />
          </section>
          <section aria-labelledby="ud-heading">
            <h2 id="ud-heading">{t("offer.accessibility")}</h2>
            {features.length > 0 ? (
              <ul>
                {features.map((f) => (
                  <li key={f}>{enumLabel(t, "accessibility", f)}</li>
                ))}
              </ul>
            ) : (
              <p>{t("offer.noAccessibility")}</p>
            )}
          </section>
        </div>
        <aside className="offer-aside" aria-label={t("offer.contact")}>
          <section aria-labelledby="join-heading">
            <h2 id="join-heading">{t("offer.howToJoin")}</h2>
            {offer.howToJoin ? (
              <div lang={offer.textLanguage}>
                <Paragraphs text={offer.howToJoin} />
              </div>
            ) : null}
            {offer.registrationUrl && (
              <p>
                <a href={offer.registrationUrl}>{t("offer.moreInfo")}</a>
              </p>
            )}
          </section>
          <section aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t("offer.contact")}</h2>
            <ContactBlock offer={offer} />
          </section>
          <section aria-labelledby="provider-heading">
            <h2 id="provider-heading">{t("offer.provider")}</h2>
            <p>
              {offer.provider.name}
              {offer.unit && (
                <>
                  <br />
                  {offer.unit.name}
                </>
              )}
            </p>
            {offer.provider.website && (
              <p>
                <a href={offer.provider.website}>{t("offer.website")}</a>
              </p>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}
