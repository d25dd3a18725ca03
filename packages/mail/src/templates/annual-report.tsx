// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { type GridPeriod, PublishedGrid, type WrittenLanguage } from "@samspill/domain";
import type { AnnualReport, AudienceCounts } from "../annual-report-content.js";
import { mailTexts } from "../texts/index.js";
import { FigureTable } from "./figures.js";
import { Layout, Paragraph, SectionHeading } from "./layout.js";
import { publishedAlone, showFigure } from "./published.js";
import { type RenderedMail, renderMail } from "./render.js";

const levels = [0, 1, 2, 3];

/** A mean score only where its respondents are shown: a mean of a few people says too much. */
const score = (mean: number | null, respondents: number | null, locale: string) =>
  mean === null || respondents === null
    ? "–"
    : mean.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const byAudience = (c: AudienceCounts) => [c.patients, c.carers, c.childrenAndYouth, c.parents, c.others];

export interface AnnualReportMailProps {
  report: AnnualReport;
  recipientName: string;
  publicUrl: string;
  /** Counts of fewer people than this are not published (the deployment's setting, at least 5). */
  smallCountThreshold: number;
  /** The recipient's signed unsubscribe page; the footer links to it (unsubscribe.ts). */
  unsubscribeUrl?: string;
  /** The recipient's written language (recipient-language.ts); bokmål when left out. */
  language?: WrittenLanguage;
}

export function AnnualReportMail({
  report,
  recipientName,
  publicUrl,
  smallCountThreshold: threshold,
  unsubscribeUrl,
  language = "nb",
}: AnnualReportMailProps) {
  const tx = mailTexts(language);
  const t = tx.annualReport;
  const { a0099, participation: p, pam } = report;
  const show = (published: number | null, raw: number) => showFigure(published, raw, threshold, tx);
  const mean = (value: number | null, respondents: number | null) => score(value, respondents, tx.locale);
  const count = (n: number) => show(publishedAlone(n, threshold), n);
  // Participants, by audience and in all, and those of A0099 offers: sums of published figures of
  // the providers' tables for the year (the grid the gateway's summaries and trends share).
  const year: GridPeriod = { kind: "YEAR", year: report.year, index: 1 };
  const grid = new PublishedGrid(report.year, 5, report.grid.participants, threshold);
  const people = grid.sum(
    report.grid.participants.map((o) => o.offerId),
    year,
  );
  const a0099People = grid.sum(report.grid.a0099OfferIds, year);
  const allRow = byAudience(p.participants);
  const total = allRow.reduce((a, b) => a + b, 0);
  const reps = [p.userReps.planning, p.userReps.delivery, p.userReps.evaluation];
  const withReps = [
    p.offersWithUserReps.planning,
    p.offersWithUserReps.delivery,
    p.offersWithUserReps.evaluation,
  ];
  const meetingReps = [p.meetingUserReps.planning, p.meetingUserReps.delivery, p.meetingUserReps.evaluation];
  // PAM, per side: offers × levels, whose row totals are each offer's respondents and whose
  // grand total is all respondents, from the same grid.
  const pamTable = (side: "pamBefore" | "pamAfter") =>
    new PublishedGrid(report.year, 4, report.grid[side], threshold).table(
      pam.offers.map((o) => o.offerId),
      year,
    );
  const before = pamTable("pamBefore");
  const after = pamTable("pamAfter");
  return (
    <Layout
      preview={t.preview(report.year, report.scope.name)}
      title={t.title(report.year, report.scope.name)}
      publicUrl={publicUrl}
      reason={t.reason}
      unsubscribeUrl={unsubscribeUrl}
      language={language}
    >
      <Paragraph>{tx.greeting(recipientName)}</Paragraph>
      <Paragraph>{t.intro(report.scope.name, report.year, threshold)}</Paragraph>

      <SectionHeading>{t.a0099Heading}</SectionHeading>
      <FigureTable
        head={["", t.count]}
        rows={[
          { label: t.a0099Offers, values: [String(a0099.offers)] },
          { label: t.a0099Sessions, values: [String(a0099.sessions)] },
          { label: t.participants, values: [show(a0099People.total, a0099.participants)] },
        ]}
      />

      <SectionHeading>{t.participationHeading}</SectionHeading>
      <Paragraph>{t.reports(p.reports, p.offersReported)}</Paragraph>
      <FigureTable
        head={[t.audience, t.participants]}
        rows={[
          ...t.audiences.map((label, i) => ({
            label,
            values: [show(people.cells[i] ?? null, allRow[i] ?? 0)],
          })),
          { label: t.total, values: [show(people.total, total)] },
        ]}
      />

      <SectionHeading>{t.userRepsHeading}</SectionHeading>
      <FigureTable
        head={[t.phase, t.repsInOffers, t.offersWithReps, t.repsInMeetings]}
        rows={t.phases.map((label, i) => ({
          label,
          values: [
            count(reps[i] ?? 0),
            t.outOf(withReps[i] ?? 0, p.offersReported),
            count(meetingReps[i] ?? 0),
          ],
        }))}
      />

      <SectionHeading>{t.pamHeading}</SectionHeading>
      {pam.evaluations === 0 ? (
        <Paragraph>{t.noPam(report.year)}</Paragraph>
      ) : (
        <>
          <FigureTable
            head={["", t.before, t.after]}
            rows={[
              {
                label: t.answers,
                values: [show(before.total, pam.respondentsBefore), show(after.total, pam.respondentsAfter)],
              },
              {
                label: t.meanScore,
                values: [mean(pam.meanBefore, before.total), mean(pam.meanAfter, after.total)],
              },
              ...levels.map((level) => ({
                label: t.level(level + 1),
                values: [
                  show(before.columnTotals[level] ?? null, pam.levelsBefore[level] ?? 0),
                  show(after.columnTotals[level] ?? null, pam.levelsAfter[level] ?? 0),
                ],
              })),
            ]}
          />
          <FigureTable
            head={[t.offer, t.answersBefore, t.scoreBefore, t.answersAfter, t.scoreAfter]}
            rows={pam.offers.map((o, i) => ({
              id: o.offerId,
              label: o.title,
              values: [
                show(before.rowTotals[i] ?? null, o.respondentsBefore),
                mean(o.meanBefore, before.rowTotals[i] ?? null),
                show(after.rowTotals[i] ?? null, o.respondentsAfter),
                mean(o.meanAfter, after.rowTotals[i] ?? null),
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
    mailTexts(props.language).annualReport.subject(props.report.year, props.report.scope.name),
    <AnnualReportMail {...props} />,
  );
}
