// Typed domain errors. The gateway maps each class to a GraphQL error type, so callers can
// branch on the kind of failure instead of parsing messages.

export interface FieldIssue {
  /** Dotted path of the input field, e.g. "sessions.0.endsAt". Empty for the whole input. */
  field: string;
  code: string;
  /** English message. */
  message: string;
  /** Norwegian bokmål message. */
  messageNb: string;
  /** Norwegian nynorsk message. */
  messageNn: string;
}

export class DomainValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(`Invalid input: ${issues.map((i) => `${i.field || "(input)"}: ${i.message}`).join("; ")}`);
    this.name = "DomainValidationError";
    this.issues = issues;
  }
}

/** Raised when an update names a version that is no longer current (someone saved first). */
export class StaleVersionError extends Error {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `${entityType} ${entityId} was changed by someone else: you edited version ${expectedVersion}, the current version is ${currentVersion}`,
    );
    this.name = "StaleVersionError";
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
  ) {
    super(`${entityType} ${entityId} was not found`);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do this") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export function fieldIssue(
  field: string,
  code: string,
  message: string,
  messageNb: string,
  messageNn: string,
): FieldIssue {
  return { field, code, message, messageNb, messageNn };
}
