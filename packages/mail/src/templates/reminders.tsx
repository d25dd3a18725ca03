// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { WrittenLanguage } from "@samspill/domain";
import { links } from "../links.js";
import { daysUntil, formatCalendarDate } from "../oslo.js";
import type { Reminder, ReminderKind } from "../reminders-content.js";
import { type MailTexts, mailTexts } from "../texts/index.js";
import { Item, Layout, Paragraph, SectionHeading } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

const order: ReminderKind[] = [
  "AGREEMENT_EXPIRING",
  "PLAN_REVIEW",
  "CHECKPOINT",
  "REVIEW_DUE",
  "FOLLOW_UP_OVERDUE",
];

function when(reminder: Reminder, now: Date, tx: MailTexts): string {
  const days = daysUntil(reminder.dueOn, now);
  const date = formatCalendarDate(reminder.dueOn, tx.locale);
  if (days < 0) return tx.reminders.overdue(date, -days);
  if (days === 0) return tx.reminders.today(date);
  return tx.reminders.due(date, days);
}

/** A reminder's first line and details in the recipient's language (the content holds bokmål). */
function wording(r: Reminder, tx: MailTexts): { title: string; details: string[] } {
  if (r.kind === "CHECKPOINT" && r.measureText !== undefined) {
    return { title: `${tx.reminders.measure(r.about)}: ${r.measureText}`, details: r.details };
  }
  if (r.kind === "PLAN_REVIEW") {
    return { title: tx.reminders.planReview(r.about), details: r.details };
  }
  if (r.kind === "REVIEW_DUE") {
    const last = r.lastReviewedOn
      ? [tx.reminders.lastReviewed(formatCalendarDate(r.lastReviewedOn, tx.locale))]
      : [];
    return { title: r.title, details: last };
  }
  return { title: r.title, details: r.details };
}

export interface RemindersMailProps {
  recipientName: string;
  reminders: Reminder[];
  publicUrl: string;
  now: Date;
  /** The recipient's signed unsubscribe page; the footer links to it (unsubscribe.ts). */
  unsubscribeUrl?: string;
  /** The recipient's written language (recipient-language.ts); bokmål when left out. */
  language?: WrittenLanguage;
}

export function RemindersMail({
  recipientName,
  reminders,
  publicUrl,
  now,
  unsubscribeUrl,
  language = "nb",
}: RemindersMailProps) {
  const tx = mailTexts(language);
  const groups = order
    .map((kind) => ({ kind, items: reminders.filter((r) => r.kind === kind) }))
    .filter((g) => g.items.length > 0);
  return (
    <Layout
      preview={tx.reminders.preview(reminders.length)}
      title={tx.reminders.title}
      publicUrl={publicUrl}
      reason={tx.reminders.reason}
      unsubscribeUrl={unsubscribeUrl}
      language={language}
    >
      <Paragraph>{tx.greeting(recipientName)}</Paragraph>
      <Paragraph>{tx.reminders.intro}</Paragraph>
      {groups.map((g) => (
        <div key={g.kind}>
          <SectionHeading>{tx.reminders.headings[g.kind]}</SectionHeading>
          {g.items.map((r) => {
            const { title, details } = wording(r, tx);
            return (
              <Item
                key={r.periodKey}
                title={title}
                href={
                  r.offerId
                    ? links.offer(publicUrl, r.offerId)
                    : r.agreementId
                      ? links.agreement(publicUrl, r.agreementId)
                      : r.planKey
                        ? links.actionPlan(publicUrl, r.planKey)
                        : undefined
                }
                details={[when(r, now, tx), ...details]}
              />
            );
          })}
        </div>
      ))}
    </Layout>
  );
}

export function renderReminders(props: RemindersMailProps): Promise<RenderedMail> {
  const tx = mailTexts(props.language);
  const [only] = props.reminders;
  const subject =
    props.reminders.length === 1 && only
      ? tx.reminders.subjectOne(tx.reminders.subjects[only.kind](only.about))
      : tx.reminders.subjectMany(props.reminders.length);
  return renderMail(subject, <RemindersMail {...props} />);
}
