// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { WrittenLanguage } from "@samspill/domain";
import type { FlagMailItem } from "../forum-flag-content.js";
import { links } from "../links.js";
import { formatCalendarDate } from "../oslo.js";
import { type MailTexts, mailTexts } from "../texts/index.js";
import { Item, Layout, Paragraph } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

// A forum flag's notice to its owner: raised on them, or nearly due and still open.

export type FlagOccasion = "raised" | "due";

export interface ForumFlagMailProps {
  occasion: FlagOccasion;
  flag: FlagMailItem;
  recipientName: string;
  publicUrl: string;
  unsubscribeUrl?: string;
  language?: WrittenLanguage;
}

/** The flag's subject in the mail's language: the offer or agreement, or the gap's cell. */
export function flagSubject(flag: FlagMailItem, tx: MailTexts): string {
  if (flag.subjectTitle) return flag.subjectTitle;
  const g = flag.gap;
  if (!g) return tx.forumFlag.kinds[flag.kind];
  const labels = tx.labels as {
    priorityGroup: Record<string, string>;
    diagnosisGroup: Record<string, string>;
    offerFormat: Record<string, string>;
    language: (code: string) => string;
  };
  return [
    g.place,
    g.priorityGroup && labels.priorityGroup[g.priorityGroup],
    g.diagnosisGroup && labels.diagnosisGroup[g.diagnosisGroup],
    g.format && labels.offerFormat[g.format],
    g.language && labels.language(g.language),
    g.audience && tx.forumFlag.audiences[g.audience],
  ]
    .filter(Boolean)
    .join(" · ");
}

export function ForumFlagMail({
  occasion,
  flag,
  recipientName,
  publicUrl,
  unsubscribeUrl,
  language = "nb",
}: ForumFlagMailProps) {
  const tx = mailTexts(language);
  const t = tx.forumFlag;
  const title = occasion === "raised" ? t.raisedTitle : t.dueTitle;
  const lead = occasion === "raised" ? t.raised : t.due;
  return (
    <Layout
      preview={title}
      title={title}
      publicUrl={publicUrl}
      reason={t.reason}
      unsubscribeUrl={unsubscribeUrl}
      language={language}
    >
      <Paragraph>{tx.greeting(recipientName)}</Paragraph>
      <Paragraph>{lead(flag.communityName, flag.ownerName)}</Paragraph>
      <Item
        title={`${t.kinds[flag.kind]}: ${flagSubject(flag, tx)}`}
        href={links.forumFlag(publicUrl, flag.id)}
        details={[t.dueOn(formatCalendarDate(flag.dueOn, tx.locale)), t.note(flag.note)]}
      />
      <Paragraph>{t.resolvedHow}</Paragraph>
    </Layout>
  );
}

export function renderForumFlagMail(props: ForumFlagMailProps): Promise<RenderedMail> {
  const tx = mailTexts(props.language);
  const kind = tx.forumFlag.kinds[props.flag.kind];
  const subject =
    props.occasion === "raised"
      ? tx.forumFlag.subjectRaised(kind)
      : tx.forumFlag.subjectDue(kind, formatCalendarDate(props.flag.dueOn, tx.locale));
  return renderMail(subject, <ForumFlagMail {...props} />);
}
