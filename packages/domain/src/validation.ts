import { z } from "zod";
import { DomainValidationError, type FieldIssue } from "./errors.js";
import { nynorskIssue } from "./nynorsk-issues.js";

// zod ships English and bokmål error maps (nynorsk is ours); every issue is rendered in all
// three so the API can answer in the caller's language without a second parse.
const en = z.locales.en().localeError;
const nb = z.locales.no().localeError;

type RawIssue = Parameters<typeof en>[0];

function render(map: typeof en, issue: RawIssue): string {
  const out = map(issue);
  if (typeof out === "string") return out;
  return out?.message ?? issue.message ?? "Invalid value";
}

/** Custom refinements carry their Norwegian texts in `params.nb` and `params.nn`. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    if (issue.code === "custom") {
      const params = (issue as { params?: { nb?: string; nn?: string; code?: string } }).params;
      const messageNb = params?.nb ?? issue.message;
      return {
        field,
        code: params?.code ?? "custom",
        message: issue.message,
        messageNb,
        messageNn: params?.nn ?? messageNb,
      };
    }
    const raw = issue as unknown as RawIssue;
    return {
      field,
      code: issue.code,
      message: render(en, raw),
      messageNb: render(nb, raw),
      messageNn: nynorskIssue(raw),
    };
  });
}

/** Parses `input` with `schema`, or throws a DomainValidationError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new DomainValidationError(toFieldIssues(result.error));
  return result.data;
}

/** A custom issue in English, bokmål and nynorsk, for `ctx.addIssue` in refinements. */
export function bilingualIssue(
  path: (string | number)[],
  code: string,
  en: string,
  nbText: string,
  nnText: string,
) {
  return { code: "custom" as const, path, message: en, params: { nb: nbText, nn: nnText, code } };
}
