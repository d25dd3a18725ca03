import { z } from "zod";
import { languageCode, municipalityNumber } from "./common.js";
import { type Audience, diagnosisGroups, offerFormats, priorityGroups } from "./enums.js";
import { bilingualIssue } from "./validation.js";

// The crossed overview (issue 15): published offers counted over any two of the overview's
// dimensions, with the rest as filters, and the cells at zero (or below a threshold) as gaps.
// Offer counts are not personal data, so, like the one-dimensional overview, the small-count
// rule (suppression-grid.ts) does not apply: a cell of 1 or 2 offers is shown as it is.

export const crossDimensions = [
  "PRIORITY_GROUP",
  "MUNICIPALITY",
  "HOSPITAL_TRUST",
  "DIAGNOSIS_GROUP",
  "FORMAT",
  "LANGUAGE",
  "AUDIENCE",
] as const;
export type CrossDimension = (typeof crossDimensions)[number];

/**
 * Who an offer is for, as the forum asks it: patients, relatives, or both. Offers list finer
 * audiences; children and youth are patients, carers and parents are relatives.
 */
export const audienceClasses = ["PATIENT", "RELATIVE", "BOTH"] as const;
export type AudienceClass = (typeof audienceClasses)[number];

export const relativeAudiences: readonly Audience[] = ["CARERS", "PARENTS"];
export const patientAudiences: readonly Audience[] = ["PATIENTS", "CHILDREN_AND_YOUTH"];

/** An offer stating no audience is patient education, the default of the plans. */
export function audienceClassOf(audiences: readonly Audience[]): AudienceClass {
  const relatives = audiences.some((a) => relativeAudiences.includes(a));
  const patients = audiences.some((a) => patientAudiences.includes(a));
  if (relatives) return patients ? "BOTH" : "RELATIVE";
  return "PATIENT";
}

/**
 * The languages the region must serve, in use or not, so a column shows zero where nobody
 * offers one. Helse Midt-Norge: both written forms of Norwegian, South Sami (Snåsa, Røyrvik and
 * Røros are in the Sami administrative area) and the largest immigrant languages of the region.
 * The hub serves one region; a second one would get its own list here.
 */
export const regionLanguages: Readonly<Record<string, readonly string[]>> = {
  "helse-midt-norge": ["nb", "nn", "sma", "en", "ar", "so", "ti", "uk", "pl"],
};
export const servedLanguages: readonly string[] = regionLanguages["helse-midt-norge"] ?? [];

export const gapSorts = ["OFFER_COUNT", "ROW", "COLUMN"] as const;
export type GapSort = (typeof gapSorts)[number];

const many = <T extends z.ZodType>(item: T) => z.array(item).max(400).default([]);

export const crossedFilters = z
  .object({
    priorityGroups: many(z.enum(priorityGroups)),
    municipalityNumbers: many(municipalityNumber),
    hospitalTrustIds: many(z.uuid()),
    diagnosisGroups: many(z.enum(diagnosisGroups)),
    formats: many(z.enum(offerFormats)),
    languages: many(languageCode),
    audiences: many(z.enum(audienceClasses)),
  })
  .strict();
export type CrossedFilters = z.output<typeof crossedFilters>;

/** Which filter narrows each dimension: the same names in GraphQL, CSV parameters and SQL. */
export const filterOfDimension: Record<CrossDimension, keyof CrossedFilters> = {
  PRIORITY_GROUP: "priorityGroups",
  MUNICIPALITY: "municipalityNumbers",
  HOSPITAL_TRUST: "hospitalTrustIds",
  DIAGNOSIS_GROUP: "diagnosisGroups",
  FORMAT: "formats",
  LANGUAGE: "languages",
  AUDIENCE: "audiences",
};

/** Both the query and the export need a scope and two different dimensions. */
function scopedAndCrossed<T extends z.ZodType<{ rows: string; columns: string }>>(
  schema: T,
  scopeField: string,
  hasScope: (v: z.output<T>) => boolean,
) {
  return schema.superRefine((v, ctx) => {
    if (!hasScope(v))
      ctx.addIssue(
        bilingualIssue(
          [scopeField],
          "scope_required",
          "Give a hospital trust, a health community or both",
          "Oppgi helseforetak, helsefellesskap eller begge",
          "Oppgi helseføretak, helsefellesskap eller begge",
        ),
      );
    if (v.rows === v.columns)
      ctx.addIssue(
        bilingualIssue(
          ["columns"],
          "same_dimension",
          "Rows and columns must be different dimensions",
          "Rader og kolonner må være ulike dimensjoner",
          "Rader og kolonnar må vere ulike dimensjonar",
        ),
      );
  });
}

export const crossedOverviewInput = scopedAndCrossed(
  z
    .object({
      hospitalTrustId: z.uuid().nullish(),
      healthCommunityId: z.uuid().nullish(),
      rows: z.enum(crossDimensions),
      columns: z.enum(crossDimensions),
      filters: crossedFilters.default(crossedFilters.parse({})),
      /** Language columns asked for beyond the region's own. */
      languages: z.array(languageCode).max(50).default([]),
    })
    .strict(),
  "hospitalTrustId",
  (v) => Boolean(v.hospitalTrustId || v.healthCommunityId),
);
export type CrossedOverviewInput = z.output<typeof crossedOverviewInput>;

/** A cell is a gap when it has fewer offers than `below` (1: only the empty cells). */
export const gapThreshold = z.number().int().min(1).max(1000);

// The CSV export's query string: one value per parameter, repeated for lists, as the
// catalogue's exports take them.
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(400));

export const crossedGapsParams = scopedAndCrossed(
  z
    .object({
      hospitalTrust: z.uuid().optional(),
      healthCommunity: z.uuid().optional(),
      rows: z.enum(crossDimensions),
      columns: z.enum(crossDimensions),
      below: z.coerce.number().pipe(gapThreshold).default(1),
      sort: z.enum(gapSorts).default("OFFER_COUNT"),
      priorityGroup: list(z.enum(priorityGroups)),
      municipality: list(municipalityNumber),
      hospitalTrustFilter: list(z.uuid()),
      diagnosisGroup: list(z.enum(diagnosisGroups)),
      format: list(z.enum(offerFormats)),
      language: list(languageCode),
      audience: list(z.enum(audienceClasses)),
      showLanguage: list(languageCode),
    })
    .strict(),
  "hospitalTrust",
  (v) => Boolean(v.hospitalTrust || v.healthCommunity),
);
export type CrossedGapsParams = z.output<typeof crossedGapsParams>;

/** The export's parameters as the query's input (validated again there, so one rule holds). */
export function crossedInputOfParams(p: CrossedGapsParams): CrossedOverviewInput {
  return crossedOverviewInput.parse({
    hospitalTrustId: p.hospitalTrust,
    healthCommunityId: p.healthCommunity,
    rows: p.rows,
    columns: p.columns,
    languages: p.showLanguage,
    filters: {
      priorityGroups: p.priorityGroup,
      municipalityNumbers: p.municipality,
      hospitalTrustIds: p.hospitalTrustFilter,
      diagnosisGroups: p.diagnosisGroup,
      formats: p.format,
      languages: p.language,
      audiences: p.audience,
    },
  });
}
