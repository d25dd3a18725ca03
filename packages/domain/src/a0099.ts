import { z } from "zod";
import { participantFields } from "./participation.js";
import { gridPeriodKey } from "./period-grid.js";
import type { PublishedRow } from "./suppression-grid.js";

// The A0099 indicator (Regional handlingsplan for pasient- og pårørendeopplæring, 2.1.3 Kvalitet,
// tiltak 1: "Videreføre bruk av A0099 som en indikator på omfang og kvalitet av
// opplæringsaktivitet i HF-ene ved aktivitet der særkoden er relevant"). A0099 is the special
// code for patient and carer education in specialist care, and it requires interdisciplinary
// content. So an activity counts when it is:
//  - a course run (session) that was held: not cancelled, and started by now;
//  - of an offer provided by a hospital trust (HF-ene);
//  - marked as A0099-eligible (særkoden er relevant) and as interdisciplinary.
// It is counted per hospital trust, unit (the offer's unit; none when the offer names none),
// diagnosis group (the offer's first, its primary one, so no run counts twice; none when it has
// none) and period of the grid (a run counts in the month it starts). Activities are course
// runs; participants are the patients and relatives reported on the row's offers in the period
// (participation reports, among them those filed from the runs' attendance lists).
//
// People are not counted again from the runs: the same people are in the participation reports,
// and two patterns of suppression over the same counts can be subtracted (a summary's total of
// two offers minus A0099's row of one). So a row's people are the sum of its offers' published
// figures on the grid every summary shares (PublishedGrid), shown only where each is.

export const A0099_DEFINITION = {
  nb: "A0099 (opplæring av pasienter og pårørende): gjennomførte kurs (ikke avlyste) i tilbud fra helseforetak som er merket A0099-relevante og tverrfaglige, per helseforetak, enhet, primær diagnosegruppe og periode. Deltakere er pasienter og pårørende rapportert på tilbudene i perioden (deltakerrapporter, også de fra oppmøtelistene).",
  en: "A0099 (patient and carer education): course runs held (not cancelled) of hospital trusts' offers marked A0099-eligible and interdisciplinary, per hospital trust, unit, primary diagnosis group and period. Participants are the patients and relatives reported on the offers in the period (participation reports, including those filed from attendance lists).",
  source: "Regional handlingsplan for pasient- og pårørendeopplæring, 2.1.3 Kvalitet, tiltak 1",
} as const;

const patients = participantFields.indexOf("patients");
const carers = participantFields.indexOf("carers");

/**
 * A0099's people from a sum of offers' published participation figures: patients and relatives
 * as published, and their sum only where both are (either alone would give the other away).
 */
export function a0099People(published: PublishedRow) {
  const p = published.cells[patients] ?? null;
  const r = published.cells[carers] ?? null;
  return { patients: p, relatives: r, participants: p === null || r === null ? null : p + r };
}

/** The export's query parameters: a period of the grid, optionally one hospital trust. */
export const a0099Params = z
  .object({
    period: gridPeriodKey,
    hospitalTrust: z.uuid().optional(),
  })
  .strict();
export type A0099Params = z.output<typeof a0099Params>;
