import { toFieldIssues } from "@samspill/domain";
import type { MiddlewareHandler } from "hono";
import { z } from "zod";

// GraphQL over GET carries its variables and extensions as JSON in the URL. yoga parses them
// without a guard, so a value that is not JSON would surface as an internal error: they are
// checked here first, and a bad one is answered 400 in GraphQL's error shape, naming it.

const jsonText = z.string().refine(
  (value) => {
    try {
      JSON.parse(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: "Expected JSON", params: { code: "invalid_json", nb: "Forventet JSON" } },
);

const getParams = z.object({ variables: jsonText.optional(), extensions: jsonText.optional() });

export const checkGraphQLGetParams: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "GET") return next();
  const url = new URL(c.req.url);
  const result = getParams.safeParse({
    variables: url.searchParams.get("variables") ?? undefined,
    extensions: url.searchParams.get("extensions") ?? undefined,
  });
  if (result.success) return next();
  const issues = toFieldIssues(result.error);
  return c.json(
    {
      errors: [
        {
          message: `Invalid ${issues.map((i) => i.field).join(", ")}: expected JSON`,
          extensions: { code: "BAD_REQUEST", issues },
        },
      ],
    },
    400,
  );
};
