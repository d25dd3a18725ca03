import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../format.js";
import { enumLabel, languageLabel } from "../i18n/labels.js";

// What changed in the overview between a forum review and the one before it (both froze the
// overview's figures when recorded): the cells whose count of offers moved, and the open flags.

export interface SnapshotChanges {
  previousReviewedAt: string;
  openFlagsBefore: number;
  openFlagsAfter: number;
  changeCount: number;
  changes: readonly {
    municipalityName: string;
    dimension: string;
    value: string;
    before: number;
    after: number;
  }[];
}

const enumGroups: Record<string, "priorityGroup" | "diagnosisGroup" | "format"> = {
  PRIORITY_GROUP: "priorityGroup",
  DIAGNOSIS_GROUP: "diagnosisGroup",
  FORMAT: "format",
};

export function ReviewChanges({ changes }: { changes: SnapshotChanges | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (!changes) return <p className="hint">{t("forumFlags.firstReview")}</p>;
  const what = (dimension: string, value: string) => {
    if (dimension === "TOTAL") return t("forumFlags.total");
    if (dimension === "LANGUAGE") return languageLabel(t, value);
    const group = enumGroups[dimension];
    return group ? enumLabel(t, group, value) : value;
  };
  return (
    <section className="review-changes" aria-labelledby={headingId}>
      <h5 id={headingId}>
        {t("forumFlags.changesHeading", { date: formatDate(changes.previousReviewedAt) })}
      </h5>
      <p>
        {t("forumFlags.openFlagsChange", { before: changes.openFlagsBefore, after: changes.openFlagsAfter })}
      </p>
      {changes.changeCount === 0 ? (
        <p>{t("forumFlags.noChanges")}</p>
      ) : (
        <ul>
          {changes.changes.map((c) => (
            <li key={`${c.municipalityName}|${c.dimension}|${c.value}`}>
              {t("forumFlags.changeLine", {
                municipality: c.municipalityName,
                what: what(c.dimension, c.value),
                before: c.before,
                after: c.after,
              })}
            </li>
          ))}
        </ul>
      )}
      {changes.changeCount > changes.changes.length && (
        <p className="hint">
          {t("forumFlags.moreChanges", { count: changes.changeCount - changes.changes.length })}
        </p>
      )}
    </section>
  );
}
