import type { z } from "zod";
import { DomainValidationError, type FieldIssue } from "./errors.js";
import { bilingualIssue } from "./validation.js";

// Rules are written once as functions returning FieldIssues, so the same rule serves a zod
// refinement (input alone) and the gateway (input merged with the stored row).

/** Reports `issues` from inside a zod refinement, keeping their codes and all three languages. */
export function addFieldIssues(ctx: z.RefinementCtx, issues: readonly FieldIssue[]): void {
  for (const issue of issues)
    ctx.addIssue(
      bilingualIssue(issue.field.split("."), issue.code, issue.message, issue.messageNb, issue.messageNn),
    );
}

/** Throws a DomainValidationError naming every issue, when there is any. */
export function assertNoIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new DomainValidationError([...issues]);
}
