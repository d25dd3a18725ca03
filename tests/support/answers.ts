// A mutation answers a union: its success type (with `data`) or one of the typed errors. The
// typed documents make tests say which member they expect; these read it, and the success
// reader fails with the whole answer when another member came.

type Member = { __typename?: string };

export function successData<A extends Member>(
  answer: A | null | undefined,
): Extract<A, { data: unknown }>["data"] {
  if (answer && "data" in answer) return (answer as Extract<A, { data: unknown }>).data;
  throw new Error(`expected a success, got ${JSON.stringify(answer)}`);
}

/** The issues of a ValidationError answer; undefined for any other answer. */
export function validationIssues<A extends Member>(
  answer: A | null | undefined,
): Extract<A, { issues: unknown }>["issues"] | undefined {
  return answer && "issues" in answer ? (answer as Extract<A, { issues: unknown }>).issues : undefined;
}
