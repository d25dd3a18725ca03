import { measureStatuses } from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { editorRoles, useSession } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { formatDate } from "../format.js";
import { enumLabel, enumOptions } from "../i18n/labels.js";
import "./action-plans.css";
import {
  type MeasureFilters,
  osloDay,
  readMeasureFilters,
  toMeasureFilter,
  writeMeasureFilters,
} from "./filters.js";
import { MeasureCard, measureLabel } from "./MeasureCard.js";
import { AddMeasure } from "./MeasureForms.js";
import { PlanReview } from "./PlanReview.js";
import { type ActionPlan, ActionPlansQuery, type Measure } from "./queries.js";
import { useAllMeasures } from "./useAllMeasures.js";

/** Measures whose checkpoint has passed or falls within this many days are listed first. */
const dueSoonDays = 90;

const byNumber = (a: string, b: string) => a.localeCompare(b, "nb", { numeric: true });

// Action plans are public documents: anyone sees the measures and how far they have come. The
// plan owner's admins and editors update a measure's status and write progress notes.
export function ActionPlansPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = readMeasureFilters(params);
  const [{ data: planData, error: planError }] = useQuery({ query: ActionPlansQuery });
  const { measures, fetching, error, reload } = useAllMeasures(toMeasureFilter(filters));
  const [editing, setEditing] = useState<string | null>(null);

  const plans = planData?.actionPlans ?? [];
  const me = session.status === "signedIn" ? session.me : null;
  const mayEdit = (plan: ActionPlan | undefined) =>
    !!plan &&
    !!me?.memberships.some((m) => m.organisationId === plan.owner.id && editorRoles.includes(m.role));
  const setFilters = (next: MeasureFilters) => setParams(writeMeasureFilters(next));

  const shown = (measures ?? []).filter(
    (m) => !filters.responsible || m.responsibleParties.includes(filters.responsible),
  );
  // The gateway answers most urgent first; what is due soon keeps that order.
  const cutoff = osloDay(dueSoonDays);
  const dueSoon = shown.filter(
    (m) => !m.removed && m.nextCheckpointOn !== null && m.nextCheckpointOn < cutoff,
  );
  const planOf = new Map(plans.map((p) => [p.id, p]));

  const sectionOptions = sectionChoices(plans, filters.plan);
  const responsibleOptions = [
    ...new Set([...(measures ?? []).flatMap((m) => m.responsibleParties), filters.responsible]),
  ]
    .filter(Boolean)
    .sort((a, b) => a.localeCompare(b, "nb"))
    .map((value) => ({ value, label: value }));

  return (
    <>
      <PageHeading>{t("actionPlans.title")}</PageHeading>
      <p className="lead">{t("actionPlans.lead")}</p>
      {plans.some(mayEdit) && <p>{t("actionPlans.youMayEdit")}</p>}

      <form
        className="measure-filters"
        aria-label={t("actionPlans.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          id="filter-plan"
          label={t("actionPlans.plan")}
          value={filters.plan}
          emptyLabel={t("actionPlans.allPlans")}
          options={plans.map((p) => ({ value: p.key, label: p.title }))}
          // Section numbers differ between plans: a section chosen for one plan may not exist in another.
          onChange={(plan) => setFilters({ ...filters, plan, section: "" })}
        />
        <SelectField
          id="filter-section"
          label={t("actionPlans.section")}
          value={filters.section}
          emptyLabel={t("actionPlans.allSections")}
          options={sectionOptions}
          onChange={(section) => setFilters({ ...filters, section })}
        />
        <SelectField
          id="filter-status"
          label={t("actionPlans.status")}
          value={filters.status}
          emptyLabel={t("actionPlans.allStatuses")}
          options={enumOptions(t, "measureStatus", measureStatuses)}
          onChange={(status) => setFilters({ ...filters, status: status as MeasureFilters["status"] })}
        />
        <SelectField
          id="filter-responsible"
          label={t("actionPlans.responsible")}
          value={filters.responsible}
          emptyLabel={t("actionPlans.allResponsible")}
          options={responsibleOptions}
          onChange={(responsible) => setFilters({ ...filters, responsible })}
        />
        <div className="field measure-filters-check">
          <label>
            <input
              type="checkbox"
              checked={filters.removed}
              onChange={(e) => setFilters({ ...filters, removed: e.target.checked })}
            />{" "}
            {t("actionPlans.includeRemoved")}
          </label>
        </div>
        {writeMeasureFilters(filters).size > 0 && (
          <button type="button" className="button-link" onClick={() => setParams(new URLSearchParams())}>
            {t("actionPlans.clearFilters")}
          </button>
        )}
      </form>

      <QueryStatus fetching={fetching && !measures} error={error ?? planError} />
      <p className="count" role="status">
        {measures ? t("actionPlans.count", { count: shown.length }) : ""}
      </p>

      {measures && (
        <>
          <section aria-labelledby="due-soon-heading" className="due-soon">
            <h2 id="due-soon-heading">{t("actionPlans.dueSoon")}</h2>
            <p>{t("actionPlans.dueSoonLead", { days: dueSoonDays })}</p>
            {dueSoon.length === 0 ? (
              <p>{t("actionPlans.dueSoonEmpty", { days: dueSoonDays })}</p>
            ) : (
              <DueSoonTable measures={dueSoon} planOf={planOf} />
            )}
          </section>

          {shown.length === 0 ? (
            <p>{t("actionPlans.noMeasures")}</p>
          ) : (
            plans
              .filter((plan) => shown.some((m) => m.plan.id === plan.id))
              .map((plan) => (
                <PlanMeasures
                  key={plan.id}
                  plan={plan}
                  measures={shown.filter((m) => m.plan.id === plan.id)}
                  canEdit={mayEdit(plan)}
                  editing={editing}
                  onEdit={setEditing}
                  onSaved={reload}
                />
              ))
          )}
        </>
      )}
    </>
  );
}

/** Sections of the chosen plan, or of all plans (one entry per number, with each plan's title). */
function sectionChoices(plans: ActionPlan[], planKey: string) {
  const titles = new Map<string, string[]>();
  for (const plan of plans) {
    if (planKey && plan.key !== planKey) continue;
    for (const s of plan.sections) {
      const list = titles.get(s.number) ?? [];
      if (!list.includes(s.title)) list.push(s.title);
      titles.set(s.number, list);
    }
  }
  return [...titles.entries()]
    .sort(([a], [b]) => byNumber(a, b))
    .map(([number, list]) => ({ value: number, label: `${number} ${list.join(" / ")}` }));
}

function DueSoonTable({ measures, planOf }: { measures: Measure[]; planOf: Map<string, ActionPlan> }) {
  const { t } = useTranslation();
  return (
    <table className="data-table due-soon-table">
      <caption className="visually-hidden">{t("actionPlans.dueSoon")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("actionPlans.checkpoint")}</th>
          <th scope="col">{t("actionPlans.measure")}</th>
          <th scope="col">{t("actionPlans.responsible")}</th>
          <th scope="col">{t("actionPlans.status")}</th>
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => (
          <tr key={m.id} className={m.overdue ? "overdue" : undefined}>
            <td>
              {m.nextCheckpointOn && formatDate(m.nextCheckpointOn)}
              {m.overdue && <span className="tag tag-overdue">{t("actionPlans.overdue")}</span>}
            </td>
            <td>
              <a href={`#measure-${m.id}`}>{measureLabel(t, m)}</a>
              <span className="muted"> · {planOf.get(m.plan.id)?.title}</span>
              <br />
              {excerpt(m.text)}
            </td>
            <td>{m.responsibleRaw || t("actionPlans.notGiven")}</td>
            <td>{enumLabel(t, "measureStatus", m.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The first line of a measure, cut at a word: the full text is in the plan below. */
function excerpt(text: string, max = 160): string {
  const first = text.split("\n")[0] ?? "";
  if (first.length <= max) return first;
  return `${first.slice(0, first.lastIndexOf(" ", max))} …`;
}

function PlanMeasures({
  plan,
  measures,
  canEdit,
  editing,
  onEdit,
  onSaved,
}: {
  plan: ActionPlan;
  measures: Measure[];
  canEdit: boolean;
  editing: string | null;
  onEdit: (id: string | null) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `plan-${plan.id}`;
  const sectionTitle = new Map(plan.sections.map((s) => [s.number, s.title]));
  const numbers = [...new Set(measures.map((m) => m.section))].sort(byNumber);
  return (
    <section aria-labelledby={headingId} className="plan">
      <h2 id={headingId}>{plan.title}</h2>
      <p className="meta">
        {t("actionPlans.planMeta", { owner: plan.owner.name, start: plan.periodStart, end: plan.periodEnd })}
        {plan.revisedOn && ` · ${t("actionPlans.revised", { date: formatDate(plan.revisedOn) })}`}
      </p>
      <PlanReview plan={plan} canEdit={canEdit} onSaved={onSaved} />
      {numbers.map((number) => (
        <section key={number} aria-labelledby={`${headingId}-${number}`} className="plan-section">
          <h3 id={`${headingId}-${number}`}>
            {number} {sectionTitle.get(number) ?? ""}
          </h3>
          <ol className="measure-list">
            {measures
              .filter((m) => m.section === number)
              .sort((a, b) => Number(a.removed) - Number(b.removed) || a.ordinal - b.ordinal)
              .map((m) => (
                <MeasureCard
                  key={m.id}
                  measure={m}
                  canEdit={canEdit}
                  editing={editing === m.id}
                  onEdit={(open) => onEdit(open ? m.id : null)}
                  revising={editing === `revise:${m.id}`}
                  onRevise={(open) => onEdit(open ? `revise:${m.id}` : null)}
                  onSaved={onSaved}
                />
              ))}
          </ol>
          {canEdit && (
            <AddMeasure
              planId={plan.id}
              section={number}
              open={editing === `add:${plan.id}:${number}`}
              onOpen={(open) => onEdit(open ? `add:${plan.id}:${number}` : null)}
              onSaved={onSaved}
            />
          )}
        </section>
      ))}
    </section>
  );
}
