// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { links } from "../links.js";
import { daysUntil, formatCalendarDate } from "../oslo.js";
import type { Reminder, ReminderKind } from "../reminders-content.js";
import { Item, Layout, Paragraph, SectionHeading } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

const headings: Record<ReminderKind, string> = {
  CHECKPOINT: "Sjekkpunkter i handlingsplanene",
  AGREEMENT_EXPIRING: "Samarbeidsavtaler som snart utløper",
  REVIEW_DUE: "Tilbud som skal gjennomgås (hvert 5. år)",
  FOLLOW_UP_OVERDUE: "Oppfølgingspunkter fra møter som er på etterskudd",
};
const order: ReminderKind[] = ["AGREEMENT_EXPIRING", "CHECKPOINT", "REVIEW_DUE", "FOLLOW_UP_OVERDUE"];

function when(reminder: Reminder, now: Date): string {
  const days = daysUntil(reminder.dueOn, now);
  const date = formatCalendarDate(reminder.dueOn);
  if (days < 0) return `Frist ${date} (${-days} dager siden)`;
  if (days === 0) return `Frist i dag, ${date}`;
  return `Frist ${date} (om ${days} dager)`;
}

export interface RemindersMailProps {
  recipientName: string;
  reminders: Reminder[];
  publicUrl: string;
  now: Date;
}

export function RemindersMail({ recipientName, reminders, publicUrl, now }: RemindersMailProps) {
  const groups = order
    .map((kind) => ({ kind, items: reminders.filter((r) => r.kind === kind) }))
    .filter((g) => g.items.length > 0);
  return (
    <Layout
      preview={`${reminders.length} ${reminders.length === 1 ? "påminnelse" : "påminnelser"} fra Samspill`}
      title="Påminnelser"
      publicUrl={publicUrl}
      reason="Du får denne e-posten fordi du er administrator eller redaktør for en organisasjon i Samspill. Hver påminnelse sendes én gang."
    >
      <Paragraph>Hei {recipientName},</Paragraph>
      <Paragraph>Dette trenger oppmerksomhet hos organisasjonen din:</Paragraph>
      {groups.map((g) => (
        <div key={g.kind}>
          <SectionHeading>{headings[g.kind]}</SectionHeading>
          {g.items.map((r) => (
            <Item
              key={r.periodKey}
              title={r.title}
              href={
                r.offerId
                  ? links.offer(publicUrl, r.offerId)
                  : r.agreementId
                    ? links.agreement(publicUrl, r.agreementId)
                    : undefined
              }
              details={[when(r, now), ...r.details]}
            />
          ))}
        </div>
      ))}
    </Layout>
  );
}

export function renderReminders(props: RemindersMailProps): Promise<RenderedMail> {
  const n = props.reminders.length;
  const subject =
    n === 1 ? `Samspill: påminnelse – ${props.reminders[0]?.subject ?? ""}` : `Samspill: ${n} påminnelser`;
  return renderMail(subject, <RemindersMail {...props} />);
}
