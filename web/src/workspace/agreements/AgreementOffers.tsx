import { offerStatuses } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { enumLabel } from "../../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../../shared/failure.js";
import { type Agreement, AgreementOffersQuery, LinkOfferMutation, UnlinkOfferMutation } from "./queries.js";

/** Linked offers shown a page at a time. */
const pageSize = 50;

const OwnOfferTitlesQuery = graphql(`
  query OwnOfferTitles($filter: OfferFilter, $first: Int) {
    offers(filter: $filter, first: $first) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

/**
 * The offers delivered under the agreement, a page at a time; each party's editors link and
 * unlink their own organisation's offers only (the command refuses another party's).
 */
export function AgreementOffers({
  agreement,
  orgId,
  canEdit,
  onNotice,
}: {
  agreement: Agreement;
  orgId: string;
  canEdit: boolean;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState("");
  const [offset, setOffset] = useState(0);
  const failure = useFailure();
  // Refetched after a link or unlink: their answers are Agreements, which this query holds.
  const [{ data: page }] = useQuery({
    query: AgreementOffersQuery,
    variables: { id: agreement.id, limit: pageSize, offset },
  });
  const offers = page?.agreement?.offers ?? [];
  const total = page?.agreement?.offerCount ?? agreement.offerCount;
  const [{ data }] = useQuery({
    query: OwnOfferTitlesQuery,
    variables: { filter: { providerIds: [orgId], statuses: [...offerStatuses] }, first: 100 },
    pause: !canEdit,
  });
  const [, link] = useMutation(LinkOfferMutation);
  const [, unlink] = useMutation(UnlinkOfferMutation);
  const linkedIds = new Set(offers.map((o) => o.id));
  const linkable = (data?.offers.edges.map((e) => e.node) ?? []).filter((o) => !linkedIds.has(o.id));

  return (
    <section aria-labelledby="agreement-offers-heading">
      <h2 id="agreement-offers-heading">{t("agreements.offers")}</h2>
      <ProblemAlert problem={failure.problem} conflictKey="agreements.conflict" />
      {Object.values(failure.errors).length > 0 && (
        <p role="alert" className="error">
          {Object.values(failure.errors).flat().join(" ")}
        </p>
      )}
      {total === 0 ? (
        <p>{t("agreements.noOffers")}</p>
      ) : (
        <ul className="session-list">
          {offers.map((offer) => (
            <li key={offer.id} className="session-row">
              <span>
                {offer.provider.id === orgId ? (
                  <Link to={`/workspace/${orgId}/offers/${offer.id}`}>{offer.title}</Link>
                ) : (
                  offer.title
                )}{" "}
                <span className="muted">
                  · {offer.provider.name} · {enumLabel(t, "offerStatus", offer.status)}
                </span>
              </span>
              {canEdit && offer.provider.id === orgId && (
                <button
                  type="button"
                  className="button button-danger"
                  onClick={async () => {
                    const result = await unlink({ input: { agreementId: agreement.id, offerId: offer.id } });
                    if (settle(failure, result, "unlinkOfferFromAgreement"))
                      onNotice(t("agreements.unlinked"));
                  }}
                >
                  {t("agreements.unlink")}
                  <span className="visually-hidden">: {offer.title}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {total > pageSize && (
        <nav className="pager" aria-label={t("agreements.offerPages")}>
          <p>
            {t("agreements.offersShown", {
              from: offset + 1,
              to: Math.min(offset + pageSize, total),
              count: total,
            })}
          </p>
          <button
            type="button"
            className="button button-secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - pageSize))}
          >
            {t("agreements.previousOffers")}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={offset + pageSize >= total}
            onClick={() => setOffset(offset + pageSize)}
          >
            {t("agreements.nextOffers")}
          </button>
        </nav>
      )}
      {canEdit && linkable.length > 0 && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!chosen) return;
            const result = await link({ input: { agreementId: agreement.id, offerId: chosen } });
            if (settle(failure, result, "linkOfferToAgreement")) {
              setChosen("");
              onNotice(t("agreements.linked"));
            }
          }}
        >
          <label htmlFor={id} className="facet-label">
            {t("agreements.linkOffer")}
          </label>
          <div className="inline-field">
            <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="" />
              {linkable.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
            </select>
            <button type="submit" className="button button-secondary" disabled={!chosen}>
              {t("agreements.link")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
