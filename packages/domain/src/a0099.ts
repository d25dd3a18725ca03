import { z } from "zod";
import { gridPeriodKey } from "./period-grid.js";

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
// runs; participants are the patients and relatives whose attendance the provider ticked in the
// hub (runs held outside the hub's sign-up count as activities with no participants counted).

export const A0099_DEFINITION = {
  nb: "A0099 (opplæring av pasienter og pårørende): gjennomførte kurs (ikke avlyste) i tilbud fra helseforetak som er merket A0099-relevante og tverrfaglige, per helseforetak, enhet, primær diagnosegruppe og periode. Deltakere er pasienter og pårørende med registrert oppmøte.",
  en: "A0099 (patient and carer education): course runs held (not cancelled) of hospital trusts' offers marked A0099-eligible and interdisciplinary, per hospital trust, unit, primary diagnosis group and period. Participants are patients and relatives whose attendance was recorded.",
  source: "Regional handlingsplan for pasient- og pårørendeopplæring, 2.1.3 Kvalitet, tiltak 1",
} as const;

/** The export's query parameters: a period of the grid, optionally one hospital trust. */
export const a0099Params = z
  .object({
    period: gridPeriodKey,
    hospitalTrust: z.uuid().optional(),
  })
  .strict();
export type A0099Params = z.output<typeof a0099Params>;
