import { graphql, type ResultOf } from "@samspill/graphql";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { QueryStatus } from "../../components/Status.js";

// The agreement against its delivery: each party's responsibilities beside the linked offers that
// fulfil them, and each linked offer's sessions held and participants in a year, gaps marked.
// Participant figures are published ones: a hidden (small) count shows as "–".

const AgreementDeliveryQuery = graphql(`
  query AgreementDelivery($id: ID!, $period: String, $offset: Int!) {
    agreementDelivery(agreementId: $id, period: $period) {
      period
      smallCountThreshold
      offerCount
      sessionsHeld
      responsibilitiesWithoutOffer
      offersWithoutSession
      responsibilities {
        gap
        offerCount
        responsibility {
          id
          description
          organisation {
            id
            name
          }
        }
        offers(limit: 5) {
          id
          title
        }
      }
      offers(limit: 50, offset: $offset) {
        gap
        sessionsHeld
        sessionsPlanned
        offer {
          id
          title
        }
        participants {
          total
        }
      }
    }
  }
`);

type Delivery = NonNullable<ResultOf<typeof AgreementDeliveryQuery>["agreementDelivery"]>;

const pageSize = 50;
const thisYear = new Date().getFullYear();

export function AgreementDelivery({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const yearId = useId();
  const [year, setYear] = useState(thisYear);
  const [offset, setOffset] = useState(0);
  const [{ data, fetching, error }] = useQuery({
    query: AgreementDeliveryQuery,
    variables: { id: agreementId, period: String(year), offset },
  });
  const delivery = data?.agreementDelivery;
  return (
    <section aria-labelledby={`${yearId}-heading`}>
      <h2 id={`${yearId}-heading`}>{t("agreements.delivery.title")}</h2>
      <p>{t("agreements.delivery.intro")}</p>
      <p>
        <label htmlFor={yearId}>{t("agreements.delivery.year")}</label>{" "}
        <input
          id={yearId}
          type="number"
          min={2000}
          max={thisYear + 5}
          value={year}
          onChange={(e) => {
            const next = Number(e.target.value);
            if (Number.isInteger(next) && next >= 2000 && next <= thisYear + 5) {
              setYear(next);
              setOffset(0);
            }
          }}
        />
      </p>
      <QueryStatus fetching={fetching && !delivery} error={error} />
      {delivery && <DeliveryTables delivery={delivery} offset={offset} onPage={setOffset} />}
    </section>
  );
}

function DeliveryTables({
  delivery,
  offset,
  onPage,
}: {
  delivery: Delivery;
  offset: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const gap = (text: string) => <span className="tag tag-flag">{text}</span>;
  return (
    <>
      <p className="meta" role="status">
        {t("agreements.delivery.summary", {
          sessions: delivery.sessionsHeld,
          responsibilities: delivery.responsibilitiesWithoutOffer,
          offers: delivery.offersWithoutSession,
        })}
      </p>
      <h3>{t("agreements.delivery.promised")}</h3>
      {delivery.responsibilities.length === 0 ? (
        <p>{t("agreements.delivery.noResponsibilities")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("agreements.delivery.party")}</th>
              <th scope="col">{t("agreements.delivery.responsibility")}</th>
              <th scope="col">{t("agreements.delivery.fulfilledBy")}</th>
            </tr>
          </thead>
          <tbody>
            {delivery.responsibilities.map((r) => (
              <tr key={r.responsibility.id}>
                <td>{r.responsibility.organisation.name}</td>
                <td>{r.responsibility.description}</td>
                <td>
                  {r.gap
                    ? gap(t("agreements.delivery.noOffer"))
                    : r.offers.map((o) => o.title).join(", ") +
                      (r.offerCount > r.offers.length
                        ? ` ${t("agreements.delivery.more", { count: r.offerCount - r.offers.length })}`
                        : "")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t("agreements.delivery.delivered", { period: delivery.period })}</h3>
      {delivery.offers.length === 0 ? (
        <p>{t("agreements.noOffers")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("agreements.delivery.offer")}</th>
              <th scope="col">{t("agreements.delivery.sessionsHeld")}</th>
              <th scope="col">{t("agreements.delivery.sessionsPlanned")}</th>
              <th scope="col">{t("agreements.delivery.participants")}</th>
            </tr>
          </thead>
          <tbody>
            {delivery.offers.map((o) => (
              <tr key={o.offer.id}>
                <td>{o.offer.title}</td>
                <td>{o.gap ? gap(t("agreements.delivery.noSession")) : o.sessionsHeld}</td>
                <td>{o.sessionsPlanned}</td>
                <td>{o.participants.total ?? t("agreements.delivery.hidden")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">
        {t("agreements.delivery.suppressed", { threshold: delivery.smallCountThreshold })}
      </p>
      {delivery.offerCount > pageSize && (
        <nav aria-label={t("agreements.offerPages")}>
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => onPage(Math.max(0, offset - pageSize))}
          >
            {t("agreements.previousOffers")}
          </button>{" "}
          <button
            type="button"
            disabled={offset + pageSize >= delivery.offerCount}
            onClick={() => onPage(offset + pageSize)}
          >
            {t("agreements.nextOffers")}
          </button>
        </nav>
      )}
    </>
  );
}
