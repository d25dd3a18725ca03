import {
  accessibilityFeatures,
  audiences,
  diagnosisGroups,
  type OrganisationKind,
  offerFormats,
  offerKinds,
  priorityGroups,
} from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { CheckboxGroup } from "../components/CheckboxGroup.js";
import { PickList } from "../components/PickList.js";
import { enumOptions, languageOptions } from "../i18n/labels.js";
import { type CatalogueFilters, icd10Prefix, type ListFilter } from "./filters.js";
import { WhenAndWhere } from "./WhenAndWhere.js";

/** Offers per value for the current search, by facet (the gateway's OfferFacets). */
export type FacetCounts = Record<
  | "formats"
  | "languages"
  | "audiences"
  | "kinds"
  | "diagnosisGroups"
  | "municipalities"
  | "daysOfWeek"
  | "timesOfDay",
  Record<string, number>
>;

const FacetOptionsQuery = graphql(`
  query FacetOptions {
    municipalities {
      number
      name
      hospitalTrust {
        id
      }
    }
    hospitalTrusts: organisations(kind: HOSPITAL_TRUST, first: 50) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** The kinds of organisation that provide offers (regional authorities and forums do not). */
const providerKinds: readonly OrganisationKind[] = [
  "HOSPITAL_TRUST",
  "MUNICIPALITY",
  "USER_ORGANISATION",
  "UNIVERSITY",
];

interface FacetsProps {
  filters: CatalogueFilters;
  onChange: (next: CatalogueFilters) => void;
  /** Absent while the counts load: the options then show without numbers. */
  counts?: FacetCounts;
}

export function Facets({ filters, onChange, counts }: FacetsProps) {
  const { t } = useTranslation();
  const counted = (label: string, count: number | undefined) =>
    count === undefined ? label : t("catalogue.withCount", { label, count });
  const withCounts = (facet: keyof FacetCounts, options: { value: string; label: string }[]) =>
    options.map((o) => ({
      ...o,
      label: counted(o.label, counts ? (counts[facet][o.value] ?? 0) : undefined),
    }));
  const [{ data }] = useQuery({ query: FacetOptionsQuery });
  const ids = useId();
  const set = <K extends keyof CatalogueFilters>(key: K, value: CatalogueFilters[K]) =>
    onChange({ ...filters, [key]: value });
  const group = <K extends ListFilter>(
    key: K,
    legend: string,
    options: { value: string; label: string }[],
  ) => (
    <CheckboxGroup
      legend={legend}
      options={options}
      selected={filters[key] as string[]}
      onChange={(next) => set(key, next as CatalogueFilters[K])}
    />
  );

  return (
    <div className="facets">
      <label htmlFor={`${ids}-trust`} className="facet-label">
        {t("catalogue.hospitalTrust")}
      </label>
      <select
        id={`${ids}-trust`}
        value={filters.hospitalTrust}
        onChange={(e) => set("hospitalTrust", e.target.value)}
      >
        <option value="">{t("catalogue.allHospitalTrusts")}</option>
        {data?.hospitalTrusts.edges.map(({ node }) => (
          <option key={node.id} value={node.id}>
            {node.name}
          </option>
        ))}
      </select>

      <PickList
        legend={t("catalogue.municipality")}
        filterLabel={t("catalogue.municipalityFilter")}
        options={(data?.municipalities ?? [])
          .filter((m) => !filters.hospitalTrust || m.hospitalTrust?.id === filters.hospitalTrust)
          .map((m) => ({
            value: m.number,
            label: counted(m.name, counts ? (counts.municipalities[m.number] ?? 0) : undefined),
          }))}
        selected={filters.municipality}
        onChange={(next) => set("municipality", next)}
      />

      {group("providerKind", t("catalogue.providerKind"), enumOptions(t, "organisationKind", providerKinds))}
      {group("priorityGroup", t("catalogue.priorityGroup"), enumOptions(t, "priorityGroup", priorityGroups))}
      {group(
        "audience",
        t("catalogue.audience"),
        withCounts("audiences", enumOptions(t, "audience", audiences)),
      )}
      {group("format", t("catalogue.format"), withCounts("formats", enumOptions(t, "format", offerFormats)))}
      {group("kind", t("catalogue.kind"), withCounts("kinds", enumOptions(t, "offerKind", offerKinds)))}
      {group(
        "diagnosisGroup",
        t("catalogue.diagnosisGroup"),
        withCounts("diagnosisGroups", enumOptions(t, "diagnosisGroup", diagnosisGroups)),
      )}
      <DiagnosisCodeFacet codes={filters.diagnosisCode} onChange={(next) => set("diagnosisCode", next)} />
      {group("language", t("catalogue.language"), withCounts("languages", languageOptions(t)))}
      <CheckboxGroup
        legend={t("catalogue.accessibility")}
        hint={t("catalogue.accessibilityHint")}
        options={enumOptions(t, "accessibility", accessibilityFeatures)}
        selected={filters.accessibility}
        onChange={(next) => set("accessibility", next)}
      />
      <fieldset className="date-range">
        <legend>{t("catalogue.dateRange")}</legend>
        <label htmlFor={`${ids}-from`}>{t("catalogue.from")}</label>
        <input
          id={`${ids}-from`}
          type="date"
          value={filters.from}
          onChange={(e) => set("from", e.target.value)}
        />
        <label htmlFor={`${ids}-to`}>{t("catalogue.to")}</label>
        <input id={`${ids}-to`} type="date" value={filters.to} onChange={(e) => set("to", e.target.value)} />
      </fieldset>
      <WhenAndWhere
        filters={filters}
        onChange={onChange}
        days={counts?.daysOfWeek}
        times={counts?.timesOfDay}
        counted={counted}
      />
    </div>
  );
}

function DiagnosisCodeFacet({ codes, onChange }: { codes: string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(codes.join(", "));
  const [invalid, setInvalid] = useState<string[]>([]);
  const apply = () => {
    const entered = draft
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    setInvalid(entered.filter((c) => !icd10Prefix.test(c)));
    onChange([...new Set(entered.filter((c) => icd10Prefix.test(c)))]);
  };
  return (
    <div className="code-facet">
      <label htmlFor={id} className="facet-label">
        {t("catalogue.diagnosisCode")}
      </label>
      <p id={`${id}-hint`} className="hint">
        {t("catalogue.diagnosisCodeHint")}
      </p>
      {invalid.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {t("catalogue.invalidCode", { codes: invalid.join(", ") })}
        </p>
      )}
      <div className="inline-field">
        <input
          id={id}
          type="text"
          value={draft}
          aria-describedby={invalid.length > 0 ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={invalid.length > 0 || undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              apply();
            }
          }}
          onBlur={apply}
        />
        <button type="button" className="button button-secondary" onClick={apply}>
          {t("catalogue.apply")}
        </button>
      </div>
    </div>
  );
}
