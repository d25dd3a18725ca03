// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { suppressSmallCounts } from "@samspill/domain";
import type { AnnualReport, AudienceCounts } from "../annual-report-content.js";
import { FigureTable } from "./figures.js";
import { Layout, Paragraph, SectionHeading } from "./layout.js";
import { publishedAlone, showFigure } from "./published.js";
import { type RenderedMail, renderMail } from "./render.js";

const audienceLabels = ["Pasienter", "Pårørende", "Barn og unge", "Foreldre", "Andre"];
const phaseLabels = ["Planlegging", "Gjennomføring", "Evaluering"];
const levelLabels = ["Nivå 1", "Nivå 2", "Nivå 3", "Nivå 4"];
const levels = [0, 1, 2, 3];

/** A mean score only where its respondents are shown: a mean of a few people says too much. */
const score = (mean: number | null, respondents: number | null) =>
  mean === null || respondents === null ? "–" : mean.toFixed(1).replace(".", ",");

const byAudience = (c: AudienceCounts) => [c.patients, c.carers, c.childrenAndYouth, c.parents, c.others];

export interface AnnualReportMailProps {
  report: AnnualReport;
  recipientName: string;
  publicUrl: string;
  /** Counts of fewer people than this are not published (the deployment's setting, at least 5). */
  smallCountThreshold: number;
}

export function AnnualReportMail({
  report,
  recipientName,
  publicUrl,
  smallCountThreshold: threshold,
}: AnnualReportMailProps) {
  const { a0099, participation: p, pam } = report;
  const show = (published: number | null, raw: number) => showFigure(published, raw, threshold);
  const count = (n: number) => show(publishedAlone(n, threshold), n);
  // Participants: A0099 offers and the others by audience. The report shows the audience
  // totals, the grand total and the A0099 row's total, so they are suppressed as one table.
  const a0099Row = byAudience(a0099.participantsByAudience);
  const allRow = byAudience(p.participants);
  const people = suppressSmallCounts([a0099Row, allRow.map((n, i) => n - (a0099Row[i] ?? 0))], threshold);
  const total = allRow.reduce((a, b) => a + b, 0);
  const reps = [p.userReps.planning, p.userReps.delivery, p.userReps.evaluation];
  const withReps = [
    p.offersWithUserReps.planning,
    p.offersWithUserReps.delivery,
    p.offersWithUserReps.evaluation,
  ];
  const meetingReps = [p.meetingUserReps.planning, p.meetingUserReps.delivery, p.meetingUserReps.evaluation];
  // PAM, per side: offers × levels, whose row totals are each offer's respondents and whose
  // grand total is all respondents.
  const pamTable = (pick: "levelsBefore" | "levelsAfter") =>
    suppressSmallCounts(
      pam.offers.map((o) => levels.map((l) => o[pick][l] ?? 0)),
      threshold,
    );
  const before = pamTable("levelsBefore");
  const after = pamTable("levelsAfter");
  return (
    <Layout
      preview={`Årsrapport ${report.year} for ${report.scope.name}`}
      title={`Årsrapport ${report.year}: ${report.scope.name}`}
      publicUrl={publicUrl}
      reason="Du får denne e-posten fordi du abonnerer på årsrapporten i Samspill."
    >
      <Paragraph>Hei {recipientName},</Paragraph>
      <Paragraph>
        Her er årsrapporten for pasient- og pårørendeopplæring i {report.scope.name} for {report.year}. Tall
        under {threshold} vises som «færre enn {threshold}», slik at ingen kan kjennes igjen.
      </Paragraph>

      <SectionHeading>A0099-aktivitet</SectionHeading>
      <FigureTable
        head={["", "Antall"]}
        rows={[
          { label: "Tilbud med A0099-koding i bruk", values: [String(a0099.offers)] },
          { label: "Gjennomførte samlinger", values: [String(a0099.sessions)] },
          { label: "Deltakere", values: [show(people.rowTotals[0] ?? null, a0099.participants)] },
        ]}
      />

      <SectionHeading>Deltakelse</SectionHeading>
      <Paragraph>
        {p.reports} deltakerrapporter for {p.offersReported} tilbud.
      </Paragraph>
      <FigureTable
        head={["Målgruppe", "Deltakere"]}
        rows={[
          ...audienceLabels.map((label, i) => ({
            label,
            values: [show(people.columnTotals[i] ?? null, allRow[i] ?? 0)],
          })),
          { label: "Totalt", values: [show(people.total, total)] },
        ]}
      />

      <SectionHeading>Brukermedvirkning</SectionHeading>
      <FigureTable
        head={[
          "Fase",
          "Brukerrepresentanter i tilbud",
          "Tilbud med brukermedvirkning",
          "Brukerrepresentanter i møtepunkter",
        ]}
        rows={phaseLabels.map((label, i) => ({
          label,
          values: [
            count(reps[i] ?? 0),
            `${withReps[i] ?? 0} av ${p.offersReported}`,
            count(meetingReps[i] ?? 0),
          ],
        }))}
      />

      <SectionHeading>PAM før og etter</SectionHeading>
      {pam.evaluations === 0 ? (
        <Paragraph>Ingen PAM-målinger er rapportert for {report.year}.</Paragraph>
      ) : (
        <>
          <FigureTable
            head={["", "Før", "Etter"]}
            rows={[
              {
                label: "Svar",
                values: [show(before.total, pam.respondentsBefore), show(after.total, pam.respondentsAfter)],
              },
              {
                label: "Gjennomsnittlig PAM-skår (0–100)",
                values: [score(pam.meanBefore, before.total), score(pam.meanAfter, after.total)],
              },
              ...levelLabels.map((label, i) => ({
                label,
                values: [
                  show(before.columnTotals[i] ?? null, pam.levelsBefore[i] ?? 0),
                  show(after.columnTotals[i] ?? null, pam.levelsAfter[i] ?? 0),
                ],
              })),
            ]}
          />
          <FigureTable
            head={["Tilbud", "Svar før", "Skår før", "Svar etter", "Skår etter"]}
            rows={pam.offers.map((o, i) => ({
              id: o.offerId,
              label: o.title,
              values: [
                show(before.rowTotals[i] ?? null, o.respondentsBefore),
                score(o.meanBefore, before.rowTotals[i] ?? null),
                show(after.rowTotals[i] ?? null, o.respondentsAfter),
                score(o.meanAfter, after.rowTotals[i] ?? null),
              ],
            }))}
          />
        </>
      )}
    </Layout>
  );
}

export function renderAnnualReport(props: AnnualReportMailProps): Promise<RenderedMail> {
  return renderMail(
    `Samspill: årsrapport ${props.report.year} for ${props.report.scope.name}`,
    <AnnualReportMail {...props} />,
  );
}
