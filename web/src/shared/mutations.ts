import { graphql, type ResultOf } from "@samspill/graphql";
import { useTranslation } from "react-i18next";

// Every gateway mutation answers a union: its success type or one of the typed errors. These
// helpers turn the error half into what the forms show. Each mutation document selects
// `... on Error { ...MutationErrorFields }` beside its success type.

export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on Error {
    __typename
    message
    ... on ValidationError {
      issues {
        field
        code
        message
        messageNb
        messageNn
      }
    }
    ... on ConflictError {
      entityType
      entityId
      expectedVersion
      currentVersion
    }
    ... on NotFoundError {
      entityType
      entityId
    }
  }
`);

/** One of the typed errors a mutation answers, told apart by `__typename`. */
export type MutationError = ResultOf<typeof MutationErrorFields>;

export type FieldIssue = Extract<MutationError, { __typename: "ValidationError" }>["issues"][number];

export type MutationAnswer<T> = ({ __typename: `${string}Success` } & { data: T }) | MutationError;

export function isSuccess<T>(
  answer: MutationAnswer<T> | undefined,
): answer is { __typename: `${string}Success`; data: T } {
  return !!answer && answer.__typename.endsWith("Success");
}

/** Issues keyed by the input field they belong to: `diagnosisCodes.1` is shown at `diagnosisCodes`. */
export type FieldErrors = Record<string, string[]>;

/** The gateway writes each issue in English, bokmål and nynorsk; the reader gets their own. */
export function useIssueText() {
  const { i18n } = useTranslation();
  return (issue: FieldIssue) =>
    i18n.language === "en" ? issue.message : i18n.language === "nn" ? issue.messageNn : issue.messageNb;
}

export function toFieldErrors(issues: FieldIssue[], text: (issue: FieldIssue) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.field.split(".")[0] || "";
    out[field] = [...(out[field] ?? []), text(issue)];
  }
  return out;
}
