import { graphql } from "@samspill/graphql";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { formatDate } from "../format.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { MutationErrorFields } from "../shared/mutations.js";

// The five-yearly review of a course with its department (LMS plan 2.1.3 a): when it was last
// held and when the next is due; the provider's editors mark it held, which moves the next one
// (and its reminder) five years on.

const OfferReviewQuery = graphql(`
  query OfferReview($id: ID!) {
    offer(id: $id) {
      id
      version
      lastReviewedOn
      reviewDueOn
    }
  }
`);

const MarkOfferReviewedMutation = graphql(
  `
  mutation MarkOfferReviewed($id: ID!, $version: Int!) {
    markOfferReviewed(id: $id, version: $version) {
      __typename
      ... on MutationMarkOfferReviewedSuccess { data { id version lastReviewedOn reviewDueOn } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);

export function OfferReview({
  offerId,
  canEdit,
  onNotice,
}: {
  offerId: string;
  canEdit: boolean;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: OfferReviewQuery, variables: { id: offerId } });
  const [{ fetching }, mark] = useMutation(MarkOfferReviewedMutation);
  const failure = useFailure();
  const offer = data?.offer;
  if (!offer) return null;

  const markReviewed = async () => {
    onNotice("");
    // The answer is an Offer: the editor's own offer query refetches with the new version.
    const result = await mark({ id: offer.id, version: offer.version }, { additionalTypenames: ["Offer"] });
    const done = settle(failure, result, "markOfferReviewed");
    if (done?.reviewDueOn) onNotice(t("offerReview.marked", { date: formatDate(done.reviewDueOn) }));
  };

  return (
    <section aria-labelledby="offer-review-heading">
      <h2 id="offer-review-heading">{t("offerReview.title")}</h2>
      <p>{t("offerReview.intro")}</p>
      <dl className="facts">
        <dt>{t("offerReview.lastReviewedOn")}</dt>
        <dd>{offer.lastReviewedOn ? formatDate(offer.lastReviewedOn) : t("offerReview.never")}</dd>
        <dt>{t("offerReview.reviewDueOn")}</dt>
        <dd>{offer.reviewDueOn ? formatDate(offer.reviewDueOn) : t("offerReview.notSet")}</dd>
      </dl>
      <ErrorSummary errors={failure.errors} labels={{ reviewedOn: t("offerReview.lastReviewedOn") }} />
      <ProblemAlert problem={failure.problem} conflictKey="offerForm.conflict" />
      {canEdit && (
        <button type="button" disabled={fetching} onClick={() => void markReviewed()}>
          {t("offerReview.markDone")}
        </button>
      )}
    </section>
  );
}
