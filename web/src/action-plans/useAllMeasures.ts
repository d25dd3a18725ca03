import { useCallback, useEffect, useState } from "react";
import { type CombinedError, type OperationResult, useClient } from "urql";
import { type Measure, type MeasuresData, MeasuresQuery } from "./queries.js";

// The page groups measures by plan and section and picks out what is due soon, so it needs every
// measure that passes the filter, not one page of them: it follows the connection to its end.
// The gateway caps a page at 200 (the two plans hold about a hundred measures).
const pageSize = 200;

interface State {
  measures: Measure[] | null;
  error: CombinedError | undefined;
  fetching: boolean;
}

export function useAllMeasures(filter: Record<string, unknown>) {
  const client = useClient();
  const key = JSON.stringify(filter);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<State>({ measures: null, error: undefined, fetching: true });

  // A new filter shows the loading state; a reload after a save keeps the list on screen.
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setState({ measures: null, error: undefined, fetching: true });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is how a save asks for a reload
  useEffect(() => {
    let live = true;
    const variables = JSON.parse(key) as Record<string, unknown>;
    void (async () => {
      setState((s) => ({ ...s, fetching: true }));
      const all: Measure[] = [];
      let after: string | null = null;
      do {
        // Always from the network: statuses change under other people's hands.
        const result: OperationResult<MeasuresData> = await client
          .query<MeasuresData>(
            MeasuresQuery,
            { filter: variables, first: pageSize, after },
            { requestPolicy: "network-only" },
          )
          .toPromise();
        if (!live) return;
        if (result.error || !result.data) {
          setState((s) => ({ ...s, error: result.error, fetching: false }));
          return;
        }
        const page: MeasuresData["measures"] = result.data.measures;
        all.push(...page.edges.map((e) => e.node));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      setState({ measures: all, error: undefined, fetching: false });
    })();
    return () => {
      live = false;
    };
  }, [client, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
