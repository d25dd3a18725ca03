// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { AnnualReport } from "../mail/annual-report-content.js";
import { showCount, smallCountThreshold, suppress, suppressGroup } from "../mail/suppress.js";
import { FigureTable } from "./figures.js";
import { Layout, Paragraph, SectionHeading } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

const audienceLabels = ["Pasienter", "Pårørende", "Barn og unge", "Foreldre", "Andre"];
const phaseLabels = ["Planlegging", "Gjennomføring", "Evaluering"];
const levelLabels = ["Nivå 1", "Nivå 2", "Nivå 3", "Nivå 4"];

const count = (n: number) => showCount(suppress(n));
const score = (mean: number | null, respondents: number) =>
  mean === null || respondents < smallCountThreshold ? "–" : mean.toFixed(1).replace(".", ",");

export interface AnnualReportMailProps {
  report: AnnualReport;
  recipientName: string;
  publicUrl: string;
}

export function AnnualReportMail({ report, recipientName, publicUrl }: AnnualReportMailProps) {
  const { a0099, participation: p, pam } = report;
  const audiences = [
    p.participants.patients,
    p.participants.carers,
    p.participants.childrenAndYouth,
    p.participants.parents,
    p.participants.others,
  ];
  const total = audiences.reduce((a, b) => a + b, 0);
  const shownAudiences = suppressGroup(audiences);
  const reps = [p.userReps.planning, p.userReps.delivery, p.userReps.evaluation];
  const withReps = [
    p.offersWithUserReps.planning,
    p.offersWithUserReps.delivery,
    p.offersWithUserReps.evaluation,
  ];
  const meetingReps = [p.meetingUserReps.planning, p.meetingUserReps.delivery, p.meetingUserReps.evaluation];
  const before = suppressGroup(pam.levelsBefore);
  const after = suppressGroup(pam.levelsAfter);
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
        under {smallCountThreshold} vises som «færre enn {smallCountThreshold}», slik at ingen kan kjennes
        igjen.
      </Paragraph>

      <SectionHeading>A0099-aktivitet</SectionHeading>
      <FigureTable
        head={["", "Antall"]}
        rows={[
          { label: "Tilbud med A0099-koding i bruk", values: [String(a0099.offers)] },
          { label: "Gjennomførte samlinger", values: [String(a0099.sessions)] },
          { label: "Deltakere", values: [count(a0099.participants)] },
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
            values: [showCount(shownAudiences[i] ?? "hidden")],
          })),
          { label: "Totalt", values: [count(total)] },
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
              { label: "Svar", values: [count(pam.respondentsBefore), count(pam.respondentsAfter)] },
              {
                label: "Gjennomsnittlig PAM-skår (0–100)",
                values: [
                  score(pam.meanBefore, pam.respondentsBefore),
                  score(pam.meanAfter, pam.respondentsAfter),
                ],
              },
              ...levelLabels.map((label, i) => ({
                label,
                values: [showCount(before[i] ?? "hidden"), showCount(after[i] ?? "hidden")],
              })),
            ]}
          />
          <FigureTable
            head={["Tilbud", "Svar før", "Skår før", "Svar etter", "Skår etter"]}
            rows={pam.offers.map((o) => ({
              id: o.offerId,
              label: o.title,
              values: [
                count(o.respondentsBefore),
                score(o.meanBefore, o.respondentsBefore),
                count(o.respondentsAfter),
                score(o.meanAfter, o.respondentsAfter),
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
