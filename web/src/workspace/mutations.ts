import type { DocumentNode } from "graphql";
import { useTranslation } from "react-i18next";
import { gql } from "urql";

// Every gateway mutation answers a union: its success type or one of the typed errors. These
// helpers turn the error half into what the forms show.

export const MutationErrorFields = gql`
  fragment MutationErrorFields on Error {
    message
    ... on ValidationError {
      issues {
        field
        code
        message
        messageNb
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
`;

/**
 * A mutation document in the gateway's shape: `call` answers `success` (with `data { selection }`)
 * or one of the typed errors. `fragments` are the documents `selection` spreads.
 */
export function resultMutation(
  signature: string,
  call: string,
  success: string,
  selection: string,
  ...fragments: DocumentNode[]
): DocumentNode {
  const body = `mutation ${signature} {
    ${call} {
      __typename
      ... on ${success} { data { ${selection} } }
      ... on Error { ...MutationErrorFields }
    }
  }`;
  // gql as a tag: the fragment documents are interpolations, merged into the one document.
  const parts = Object.assign([body, ...fragments.map(() => ""), ""], {
    raw: [],
  }) as unknown as TemplateStringsArray;
  return gql(parts, ...fragments, MutationErrorFields);
}

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  messageNb: string;
}

export type MutationError =
  | { __typename: "ValidationError"; message: string; issues: FieldIssue[] }
  | {
      __typename: "ConflictError";
      message: string;
      entityType: string;
      entityId: string;
      expectedVersion: number;
      currentVersion: number;
    }
  | { __typename: "ForbiddenError"; message: string }
  | { __typename: "NotFoundError"; message: string; entityType: string; entityId: string };

export type MutationAnswer<T> = ({ __typename: `${string}Success` } & { data: T }) | MutationError;

export function isSuccess<T>(
  answer: MutationAnswer<T> | undefined,
): answer is { __typename: `${string}Success`; data: T } {
  return !!answer && answer.__typename.endsWith("Success");
}

/** Issues keyed by the input field they belong to: `diagnosisCodes.1` is shown at `diagnosisCodes`. */
export type FieldErrors = Record<string, string[]>;

/** The gateway writes each issue in English and bokmål; nynorsk readers get the bokmål. */
export function useIssueText() {
  const { i18n } = useTranslation();
  return (issue: FieldIssue) => (i18n.language === "en" ? issue.message : issue.messageNb);
}

export function toFieldErrors(issues: FieldIssue[], text: (issue: FieldIssue) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.field.split(".")[0] || "";
    out[field] = [...(out[field] ?? []), text(issue)];
  }
  return out;
}
