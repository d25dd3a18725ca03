import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { formatDate } from "../format.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { type ActionPlan, MeetPlanReviewMutation } from "./queries.js";

/**
 * The plan's own review (the LMS plan: at the team meetings twice a year), a checkpoint like a
 * measure's: its editors mark it held, and the worker moves it to the next date.
 */
export function PlanReview({
  plan,
  canEdit,
  onSaved,
}: {
  plan: ActionPlan;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState("");
  const failure = useFailure();
  const [{ fetching }, meet] = useMutation(MeetPlanReviewMutation);
  if (!plan.reviewRaw) return null;
  const when = plan.reviewMetOn
    ? t("actionPlans.planReviewMet", { date: formatDate(plan.reviewMetOn) })
    : plan.nextReviewOn
      ? t("actionPlans.planReviewNext", { date: formatDate(plan.nextReviewOn) })
      : "";
  return (
    <>
      <p className="meta">
        {t("actionPlans.planReview", { how: plan.reviewRaw })}
        {when && ` (${when})`}
      </p>
      {canEdit && plan.nextReviewOn && !plan.reviewMetOn && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            disabled={fetching}
            onClick={async () => {
              const result = await meet({ planId: plan.id });
              if (settle(failure, result, "meetActionPlanReview")) {
                setNotice(t("actionPlans.planReviewMarked"));
                onSaved();
              }
            }}
          >
            {t("actionPlans.meetPlanReview")}
          </button>
        </p>
      )}
      <p className="save-status" role="status">
        {notice}
      </p>
      <ProblemAlert problem={failure.problem} conflictKey="actionPlans.conflict" />
    </>
  );
}
