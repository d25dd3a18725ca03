import type { Translation } from "../../catalogue.js";
import type nb from "../nb/mail.js";

// English texts of mail and digests.

const texts: Translation<typeof nb> = {
  mail: {
    title: "Mail and digests",
    lead: "The summaries and reminders Samspill has sent, and what the next weekly digest will look like. Without a mail server of its own, Samspill keeps the mails here instead of delivering them.",
    forbidden: "Only administrators can see the mail that was sent.",
    sent: "Sent mail",
    none: "No mail has been sent yet.",
    subject: "Subject",
    to: "Recipient",
    from: "Sender",
    date: "Sent",
    more: "Show older mail",
    close: "Close the mail",
    html: "HTML version",
    htmlFrame: "The HTML version of “{{subject}}”",
    text: "Plain text",
    noHtml: "The mail has no HTML part.",
    sandboxed: "Shown in a closed frame: scripts in the mail do not run, and links do not open.",
    notFound: "The mail was not found, or you may not see it.",
    preview: "Preview the weekly digest",
    previewLead: "The digest the person would get if it were sent now. Nothing is sent or recorded.",
    person: "Person",
    choosePerson: "Choose a person",
    showPreview: "Preview",
    noSubscription: "The person does not subscribe to the weekly digest.",
    inactive: "The subscription is switched off, so the digest is not sent.",
    empty: "Nothing new in the person's filter: the job sends no mail this week.",
    period: "Week {{week}}, with changes after {{since}}",
  },
};

export default texts;
