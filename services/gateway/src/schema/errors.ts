import {
  DomainValidationError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
} from "@samspill/domain";
import { builder } from "../builder.js";

// Typed errors: mutations list these in `errors.types`, so a client gets a union member it can
// switch on (with every bad field named) instead of a string in `errors[]`.

const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  fields: (t) => ({ message: t.exposeString("message") }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldIssue").implement({
  description: "One problem with one input field, in English, Norwegian bokmål and Norwegian nynorsk.",
  fields: (t) => ({
    field: t.exposeString("field", {
      description: "Dotted path of the input field, e.g. `sessions.0.endsAt`.",
    }),
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    messageNb: t.exposeString("messageNb"),
    messageNn: t.exposeString("messageNn"),
  }),
});

builder.objectType(DomainValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof DomainValidationError,
  fields: (t) => ({
    issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }),
  }),
});

builder.objectType(StaleVersionError, {
  name: "ConflictError",
  description: "Someone else saved first: reload, reapply your change and save again.",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof StaleVersionError,
  fields: (t) => ({
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId"),
    expectedVersion: t.exposeInt("expectedVersion"),
    currentVersion: t.exposeInt("currentVersion"),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof NotFoundError,
  fields: (t) => ({ entityType: t.exposeString("entityType"), entityId: t.exposeString("entityId") }),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ForbiddenError,
  fields: () => ({}),
});

/** The error types every mutation can answer with. */
export const mutationErrors = [DomainValidationError, StaleVersionError, NotFoundError, ForbiddenError];
