import type { ResultOf, VariablesOf } from "@samspill/graphql";
import { useSubscription } from "urql";
import { type OverviewChange, OverviewChangedSubscription } from "./queries.js";

// One SSE subscription per hospital trust whose catchment the page shows (a health community
// can span more than one). The gateway announces a change once the projector has applied it,
// so a refetch right after sees the new figures.

function TrustSubscription({
  trustId,
  onChange,
}: {
  trustId: string;
  onChange: (c: OverviewChange) => void;
}) {
  // The handler keeps no state (null): each change is passed on, not accumulated.
  useSubscription<
    ResultOf<typeof OverviewChangedSubscription>,
    null,
    VariablesOf<typeof OverviewChangedSubscription>
  >({ query: OverviewChangedSubscription, variables: { trust: trustId } }, (_previous, data) => {
    onChange(data.overviewChanged);
    return null;
  });
  return null;
}

export function LiveUpdates({
  trustIds,
  onChange,
}: {
  trustIds: string[];
  onChange: (change: OverviewChange) => void;
}) {
  return (
    <>
      {trustIds.map((id) => (
        <TrustSubscription key={id} trustId={id} onChange={onChange} />
      ))}
    </>
  );
}
