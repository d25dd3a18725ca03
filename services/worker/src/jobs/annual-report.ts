import { queueNames } from "@samspill/events";
import {
  type AnnualReport,
  buildAnnualReport,
  loadReportScopes,
  recipientLanguages,
  renderAnnualReport,
  reportYearOf,
  scopesFor,
  sendOnce,
  withCatchments,
} from "@samspill/mail";
import { forEachRecipient, type MailDeps, scheduledMailJob, unsubscribeFor } from "./mail-deps.js";

export interface AnnualReportRun {
  year: number;
  sent: number;
  alreadySent: number;
}

/**
 * The annual report, one mail per ANNUAL_REPORT subscriber and scope (hospital trust or health
 * community) they follow, each once per year: periodKey "<year>:<scope id>".
 */
export async function sendAnnualReports(deps: MailDeps, at: Date): Promise<AnnualReportRun> {
  const { db } = deps;
  const year = reportYearOf(at);
  const [rows, scopes] = await Promise.all([
    db.subscription.findMany({
      where: { kind: "ANNUAL_REPORT", active: true },
      orderBy: { id: "asc" },
      select: {
        personId: true,
        municipalityNumbers: true,
        hospitalTrustIds: true,
        person: { select: { name: true, email: true } },
      },
    }),
    loadReportScopes(db),
  ]);
  // A chosen hospital trust stands for its catchment, whose municipalities lead to its scope.
  const subscribers = await withCatchments(db, rows);
  const reports = new Map<string, Promise<AnnualReport>>();
  const reportFor = (scopeId: string) => {
    let report = reports.get(scopeId);
    if (!report) {
      const scope = scopes.find((s) => s.id === scopeId);
      if (!scope) throw new Error(`No report scope ${scopeId}`);
      report = buildAnnualReport(db, scope, year);
      reports.set(scopeId, report);
    }
    return report;
  };

  const run: AnnualReportRun = { year: year.year, sent: 0, alreadySent: 0 };
  // Each in the recipient's written language (their own, else their organisation's).
  const languages = await recipientLanguages(
    db,
    subscribers.map((s) => s.personId),
  );
  await forEachRecipient(
    deps.log,
    subscribers,
    (s) => `person ${s.personId}`,
    async (s) => {
      const unsubscribe = unsubscribeFor(deps, s.personId, "ANNUAL_REPORT");
      for (const scope of await scopesFor(db, s, scopes)) {
        const periodKey = `${year.year}:${scope.id}`;
        const sent = await sendOnce(db, deps.mailer, {
          kind: "ANNUAL_REPORT",
          recipient: s.person.email,
          items: [{ periodKey, subject: `Årsrapport ${year.year}: ${scope.name}` }],
          compose: async () => ({
            ...(await renderAnnualReport({
              report: await reportFor(scope.id),
              recipientName: s.person.name,
              publicUrl: deps.publicUrl,
              smallCountThreshold: deps.smallCountThreshold,
              unsubscribeUrl: unsubscribe.page,
              language: languages.get(s.personId) ?? "nb",
            })),
            headers: unsubscribe.headers,
          }),
        });
        if (sent.length > 0) run.sent += 1;
        else run.alreadySent += 1;
      }
    },
  );
  deps.log.info(run, "annual reports done");
  return run;
}

// 15 January, 07:00 in Oslo: last year's reports are in by then.
export const annualReportJob = scheduledMailJob({
  queue: queueNames.summaries,
  name: "summary.annual-report",
  pattern: "0 7 15 1 *",
  run: sendAnnualReports,
});
