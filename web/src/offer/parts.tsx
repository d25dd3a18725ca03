import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { formatSpan } from "../format.js";
import { enumLabel, languageLabel } from "../i18n/labels.js";
import { type OfferDetails, OfferQuery, type OfferSession } from "../shared/offer-query.js";

/** The offer named in the path, or what to show until it is there (loading, not found). */
export function usePublicOffer():
  | { offer: OfferDetails; fallback: null }
  | { offer: null; fallback: ReactNode } {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: OfferQuery, variables: { id } });
  if (data?.offer) return { offer: data.offer, fallback: null };
  return {
    offer: null,
    fallback: (
      <>
        <PageHeading>{fetching || !data ? t("app.loading") : t("offer.notFound")}</PageHeading>
        <QueryStatus fetching={fetching} error={error} />
        {!fetching && <Link to="/">{t("offer.backToCatalogue")}</Link>}
      </>
    ),
  };
}

/** Text written with blank lines between paragraphs, as paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p key={p}>{p}</p>
        ))}
    </>
  );
}

/** Sessions that have not ended yet, cancelled ones included (people may have planned for them). */
export function currentSessions(sessions: OfferSession[], now = Date.now()): OfferSession[] {
  return sessions.filter((s) => new Date(s.endsAt).getTime() >= now);
}

export function SessionTable({ offer, sessions }: { offer: OfferDetails; sessions: OfferSession[] }) {
  const { t } = useTranslation();
  if (sessions.length === 0) return <p>{t("offer.noSessions")}</p>;
  return (
    <table className="data-table sessions-table">
      <caption className="visually-hidden">{t("offer.sessions")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("offer.sessionWhen")}</th>
          <th scope="col">{t("offer.sessionWhere")}</th>
          <th scope="col">{t("offer.sessionPlaces")}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id} className={s.cancelled ? "cancelled" : undefined}>
            <td>
              {s.cancelled && <strong className="tag tag-cancelled">{t("offer.cancelled")}</strong>}{" "}
              {formatSpan(s.startsAt, s.endsAt)}
              {s.note && <span className="session-note">{s.note}</span>}
            </td>
            <td>
              {s.location ?? (s.onlineUrl ? enumLabel(t, "format", "DIGITAL") : (offer.location ?? ""))}
            </td>
            <td>
              {s.cancelled
                ? "–"
                : s.availablePlaces === null
                  ? t("offer.placesUnknown")
                  : s.availablePlaces === 0
                    ? t("offer.full")
                    : s.availablePlaces}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who the offer is for, its format, place and languages, as a description list. */
export function OfferFacts({ offer }: { offer: OfferDetails }) {
  const { t } = useTranslation();
  const userReps = [
    offer.userRepPlanning && t("offer.userRepPlanning"),
    offer.userRepDelivery && t("offer.userRepDelivery"),
    offer.userRepEvaluation && t("offer.userRepEvaluation"),
  ].filter(Boolean);
  return (
    <dl className="facts">
      <dt>{t("offer.kind")}</dt>
      <dd>{enumLabel(t, "offerKind", offer.kind)}</dd>
      {offer.audiences.length > 0 && (
        <>
          <dt>{t("offer.audiences")}</dt>
          <dd>{offer.audiences.map((a) => enumLabel(t, "audience", a)).join(", ")}</dd>
        </>
      )}
      {offer.priorityGroups.length > 0 && (
        <>
          <dt>{t("offer.priorityGroups")}</dt>
          <dd>{offer.priorityGroups.map((p) => enumLabel(t, "priorityGroup", p)).join(", ")}</dd>
        </>
      )}
      {(offer.diagnosisGroups.length > 0 || offer.diagnosisCodes.length > 0) && (
        <>
          <dt>{t("offer.diagnoses")}</dt>
          <dd>
            {[
              ...offer.diagnosisGroups.map((g) => enumLabel(t, "diagnosisGroup", g)),
              ...offer.diagnosisCodes,
            ].join(", ")}
          </dd>
        </>
      )}
      <dt>{t("offer.format")}</dt>
      <dd>{enumLabel(t, "format", offer.format)}</dd>
      {offer.location && (
        <>
          <dt>{t("offer.place")}</dt>
          <dd>{offer.location}</dd>
        </>
      )}
      {offer.onlineUrl && (
        <>
          <dt>{t("offer.onlineLink")}</dt>
          <dd>
            <a href={offer.onlineUrl}>{offer.onlineUrl}</a>
          </dd>
        </>
      )}
      <dt>{t("offer.languages")}</dt>
      <dd>{offer.languages.map((code) => languageLabel(t, code)).join(", ")}</dd>
      {offer.municipalities.length > 0 && (
        <>
          <dt>{t("offer.municipalities")}</dt>
          <dd>{offer.municipalities.map((m) => m.name).join(", ")}</dd>
        </>
      )}
      {userReps.length > 0 && (
        <>
          <dt>{t("offer.userReps")}</dt>
          <dd>{userReps.join(", ")}</dd>
        </>
      )}
    </dl>
  );
}

export function ContactBlock({ offer }: { offer: OfferDetails }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      {offer.contactName && (
        <>
          <dt>{t("offer.contactName")}</dt>
          <dd>{offer.contactName}</dd>
        </>
      )}
      {offer.contactEmail && (
        <>
          <dt>{t("offer.email")}</dt>
          <dd>
            <a href={`mailto:${offer.contactEmail}`}>{offer.contactEmail}</a>
          </dd>
        </>
      )}
      {offer.contactPhone && (
        <>
          <dt>{t("offer.phone")}</dt>
          <dd>
            <a href={`tel:${offer.contactPhone.replace(/\s+/g, "")}`}>{offer.contactPhone}</a>
          </dd>
        </>
      )}
    </dl>
  );
}
