import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OperationResult } from "urql";
import {
  type FieldErrors,
  isSuccess,
  type MutationAnswer,
  type MutationError,
  toFieldErrors,
  useIssueText,
} from "./mutations.js";

export type Failure = MutationError | { __typename: "Network"; message: string };

/** What a failed save shows: field errors go next to the fields, the rest in one alert. */
export function useFailure() {
  const issueText = useIssueText();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Failure | null>(null);
  return {
    errors,
    problem,
    clear() {
      setErrors({});
      setProblem(null);
    },
    show(answer: Failure) {
      if (answer.__typename === "ValidationError") {
        setErrors(toFieldErrors(answer.issues, issueText));
        setProblem(null);
      } else {
        setErrors({});
        setProblem(answer);
      }
    },
  };
}

/**
 * The data of a mutation's success, or null after showing why it failed (typed error or network).
 * `key` is the mutation's field in the answer, e.g. "updateAgreement".
 */
export function settle<T>(
  failure: ReturnType<typeof useFailure>,
  result: OperationResult<Record<string, MutationAnswer<T>>>,
  key: string,
): T | null {
  const answer = result.data?.[key];
  if (isSuccess(answer)) {
    failure.clear();
    return answer.data;
  }
  if (answer) failure.show(answer);
  else failure.show({ __typename: "Network", message: result.error?.message ?? "" });
  return null;
}

export function ProblemAlert({
  problem,
  onReload,
  conflictKey = "offerForm.conflict",
}: {
  problem: ReturnType<typeof useFailure>["problem"];
  onReload?: () => void;
  /** Catalogue key of the conflict message, which names what was edited. */
  conflictKey?: string;
}) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.__typename === "ConflictError")
    return (
      <div className="alert alert-warning" role="alert">
        <p>{t(conflictKey, { expected: problem.expectedVersion, current: problem.currentVersion })}</p>
        {onReload && (
          <button type="button" className="button" onClick={onReload}>
            {t("offerForm.reload")}
          </button>
        )}
      </div>
    );
  const message =
    problem.__typename === "ForbiddenError"
      ? t("offerForm.forbidden")
      : problem.__typename === "NotFoundError"
        ? t("offerForm.notFound")
        : t("app.error", { message: problem.message });
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
    </div>
  );
}
