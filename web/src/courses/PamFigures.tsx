import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../format.js";
import type { PamRow, PamSummary } from "./pam-queries.js";

// PAM distributions before and after as one table (levels as rows, before/after/change as
// columns) and the movement of those with both results. A hidden figure reads "–" with the
// explanation under the table; a change is shown only where both sides are.

type Figures = Pick<PamSummary, "before" | "after" | "change">;

const show = (v: number | null | undefined) => (v === null || v === undefined ? "–" : String(v));
const diff = (a: number | null, b: number | null) => {
  if (a === null || b === null) return "–";
  const d = Math.round((b - a) * 10) / 10;
  return d > 0 ? `+${d}` : String(d);
};

export function PamFigures({
  figures,
  caption,
  threshold,
}: {
  figures: Figures;
  caption: string;
  threshold: number;
}) {
  const { t } = useTranslation();
  const { before, after, change } = figures;
  return (
    <div className="pam-figures">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("courses.pam.level")}</th>
            <th scope="col">{t("courses.pam.before")}</th>
            <th scope="col">{t("courses.pam.after")}</th>
            <th scope="col">{t("courses.pam.change")}</th>
          </tr>
        </thead>
        <tbody>
          {[0, 1, 2, 3].map((i) => (
            <tr key={i}>
              <th scope="row">{t("courses.pam.levelN", { level: i + 1 })}</th>
              <td>{show(before.levels[i])}</td>
              <td>{show(after.levels[i])}</td>
              <td>{diff(before.levels[i] ?? null, after.levels[i] ?? null)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("courses.pam.respondents")}</th>
            <td>{show(before.respondents)}</td>
            <td>{show(after.respondents)}</td>
            <td>{diff(before.respondents, after.respondents)}</td>
          </tr>
          <tr>
            <th scope="row">{t("courses.pam.meanScore")}</th>
            <td>{show(before.meanScore)}</td>
            <td>{show(after.meanScore)}</td>
            <td>{change.meanScoreChange === null ? "–" : diff(0, change.meanScoreChange)}</td>
          </tr>
        </tfoot>
      </table>
      <table className="data-table">
        <caption>{t("courses.pam.movementCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("courses.pam.paired")}</th>
            <th scope="col">{t("courses.pam.improved")}</th>
            <th scope="col">{t("courses.pam.unchanged")}</th>
            <th scope="col">{t("courses.pam.declined")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{show(change.paired)}</td>
            <td>{show(change.improved)}</td>
            <td>{show(change.unchanged)}</td>
            <td>{show(change.declined)}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint">{t("courses.suppressed", { threshold })}</p>
    </div>
  );
}

/** One row per course run (a provider's page) or per provider (a region's page). */
export function PamRowsTable({ rows, caption }: { rows: readonly PamRow[]; caption: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p>{t("courses.pam.noResults")}</p>;
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("courses.pam.row")}</th>
          <th scope="col">{t("courses.pam.before")}</th>
          <th scope="col">{t("courses.pam.after")}</th>
          <th scope="col">{t("courses.pam.improved")}</th>
          <th scope="col">{t("courses.pam.meanChange")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.session?.id ?? r.provider.id}>
            <th scope="row">
              {r.session ? (
                <Link to={`/courses/runs/${r.session.id}`}>
                  {t("courses.runName", {
                    title: r.session.offer.title,
                    date: formatDate(r.session.startsAt),
                  })}
                </Link>
              ) : (
                r.provider.name
              )}
            </th>
            <td>{show(r.before.respondents)}</td>
            <td>{show(r.after.respondents)}</td>
            <td>{show(r.change.improved)}</td>
            <td>{r.change.meanScoreChange === null ? "–" : diff(0, r.change.meanScoreChange)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
