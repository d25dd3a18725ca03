import { graphql } from "@samspill/graphql";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { QueryStatus } from "../components/Status.js";
import { formatDateTime } from "../format.js";

const AuditTrailQuery = graphql(`
  query AuditTrail($entityType: String!, $entityId: String!, $first: Int, $after: String) {
    auditTrail(entityType: $entityType, entityId: $entityId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          actorKind
          actorName
          occurredAt
          changes
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

type Change = { from: unknown; to: unknown };
const isChange = (v: unknown): v is Change => typeof v === "object" && v !== null && "from" in v && "to" in v;

// Fields the gateway records on every write (derived, not typed by anyone).
const derived = new Set(["flaggedForReview", "flagReason", "diagnosisGroups"]);

function show(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === "") return empty;
  if (Array.isArray(value)) return value.length === 0 ? empty : value.map((v) => show(v, empty)).join(", ");
  if (typeof value === "object") return describe(value as Record<string, unknown>);
  return String(value);
}

/** A recorded row (a responsibility, a party) by what a reader knows it as, else as data. */
function describe(row: Record<string, unknown>): string {
  const text = row.description ?? row.title ?? row.name;
  return typeof text === "string" ? text : JSON.stringify(row);
}

/** The entity's audit trail, newest first: who changed what, from what to what. */
export function HistoryPanel({
  entityType,
  entityId,
  labels,
}: {
  entityType: string;
  entityId: string;
  /** Field names as the entity's form labels them. */
  labels: Record<string, string>;
}) {
  const { t } = useTranslation();
  // The trail is not part of a mutation's answer; refetch it whenever the entity (or what hangs
  // off it) changes.
  const context = useMemo(
    () => ({
      additionalTypenames: [entityType, "OfferSession", "FollowUp", "MeetingDecision", "AuditEntry"],
    }),
    [entityType],
  );
  const [{ data, fetching, error }] = useQuery({
    query: AuditTrailQuery,
    variables: { entityType, entityId, first: 50 },
    context,
    requestPolicy: "cache-and-network",
  });
  const entries = data?.auditTrail.edges.map((e) => e.node) ?? [];
  const fieldLabel = (field: string) =>
    field === "status" ? t("workspace.status") : (labels[field] ?? field);

  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t("history.heading")}</h2>
      <QueryStatus fetching={fetching && !data} error={error} />
      {data && entries.length === 0 && <p>{t("history.none")}</p>}
      <ol className="history-list">
        {entries.map((entry) => {
          const changes = Object.entries(entry.changes ?? {}).filter(
            ([field, change]) => isChange(change) && !derived.has(field),
          ) as [string, Change][];
          return (
            <li key={entry.id}>
              <p>
                <strong>{t(`enums.auditAction.${entry.action}`, { defaultValue: entry.action })}</strong>
                {" · "}
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
                {" · "}
                {entry.actorName ?? t("history.system")}
              </p>
              {changes.length > 0 && (
                <table className="data-table compact">
                  <thead>
                    <tr>
                      <th scope="col">{t("history.field")}</th>
                      <th scope="col">{t("history.from")}</th>
                      <th scope="col">{t("history.to")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map(([field, change]) => (
                      <tr key={field}>
                        <th scope="row">{fieldLabel(field)}</th>
                        <td>{show(change.from, t("history.empty"))}</td>
                        <td>{show(change.to, t("history.empty"))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
