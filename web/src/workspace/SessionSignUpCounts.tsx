import { useTranslation } from "react-i18next";
import type { OfferSession } from "../shared/offer-query.js";

/**
 * The provider's view of who signed up through the hub for a session: seats confirmed and
 * offered, the waiting list and open requests. Shown only for sessions that take sign-ups (any
 * count above zero); the gateway gives the counts to the provider's members only (null otherwise).
 */
export function SessionSignUpCounts({ session }: { session: OfferSession }) {
  const { t } = useTranslation();
  const counts = session.signUpCounts;
  if (!counts || counts.confirmed + counts.offered + counts.waiting + counts.requested === 0) return null;
  return (
    <>
      <br />
      <span className="muted" data-testid="sign-up-counts">
        {t("sessions.signUpCounts", counts)}
      </span>
    </>
  );
}
