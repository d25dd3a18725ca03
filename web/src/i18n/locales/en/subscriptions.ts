import type { Translation } from "../../catalogue.js";
import type nb from "../nb/subscriptions.js";

// English texts of the mail subscriptions page, the unsubscribe confirmation and mail links.

const texts: Translation<typeof nb> = {
  subscriptions: {
    title: "E-mail subscriptions",
    lead: "Choose which summaries and reminders you get by e-mail, and for which municipalities, hospital trusts, priority groups and diagnoses. Choose none in a group to get all of it.",
    noPerson: "Subscriptions belong to a person. Sign in as yourself to choose what you get.",
    kinds: {
      WEEKLY_DIGEST: {
        name: "Weekly digest",
        help: "Every Monday: new and changed offers, upcoming courses and agreements about to expire.",
        inSentence: "the weekly digest",
      },
      HALF_YEARLY_SUMMARY: {
        name: "Half-yearly overview",
        help: "1 January and 1 July: every published offer, ready to print as a poster.",
        inSentence: "the half-yearly overview",
      },
      ANNUAL_REPORT: {
        name: "Annual report",
        help: "15 January: last year's figures for the hospital trust or health community.",
        inSentence: "the annual report",
      },
      REMINDERS: {
        name: "Reminders",
        help: "For administrators and editors: deadlines of agreements, measures, reviews and follow-ups. Your choice narrows only the reminders to review offers; the others are your organisation's own tasks.",
        inSentence: "reminders",
      },
    },
    status: {
      active: "You are subscribed.",
      stopped: "Stopped. You do not get this e-mail.",
      none: "You are not subscribed.",
      remindersDefault: "You get reminders as an administrator or editor.",
    },
    covers: "Covers: {{list}}",
    coversAll: "Covers all municipalities, groups and diagnoses.",
    change: "Change what it covers",
    choose: "Choose what it covers",
    hideForm: "Hide the choices",
    hospitalTrusts: "Hospital trusts",
    hospitalTrustsHint: "A hospital trust stands for the municipalities of its catchment area.",
    municipalities: "Municipalities",
    municipalitiesFilter: "Find a municipality",
    chosen: "{{count}} chosen",
    priorityGroups: "Priority groups",
    diagnosisGroups: "Diagnosis groups",
    subscribe: "Subscribe",
    save: "Save the choices",
    stop: "Stop",
    saved: "Saved: {{kind}}.",
    stoppedNow: "Stopped: {{kind}}. You can start it again whenever you like.",
  },
  calendarFeed: {
    heading: "Calendar of your meetings",
    lead: "Subscribe to your meetings in your own calendar (Outlook, Google, Apple). The link is private: anyone who has it sees your meetings. You can revoke it at any time.",
    none: "You have no calendar link now.",
    live: "You have a calendar link, made {{date}}.",
    create: "Make a calendar link",
    replace: "Make a new link (the old one stops working)",
    revoke: "Revoke the link",
    revoked: "The link is revoked and no longer works.",
    urlLabel: "Calendar link",
    onlyOnce: "Copy the link now: it is shown this once only.",
    copy: "Copy the link",
    copied: "The link is copied.",
  },
  unsubscribe: {
    title: "Unsubscribe from e-mail",
    question: "Stop getting {{kind}} from Samspill?",
    unknownKind: "this e-mail",
    confirm: "Unsubscribe me",
    working: "Unsubscribing …",
    done: "You are unsubscribed. You will no longer get {{kind}}.",
    invalid:
      "This unsubscribe link is not valid. Use the link in an e-mail you received, or sign in and choose what you get.",
    gone: "The recipient no longer exists in Samspill.",
    failed: "Unsubscribing failed. Please try again in a moment.",
    manage: "Choose what you get",
  },
  mailLinks: {
    agreementTitle: "Agreement",
    opening: "Opening the agreement …",
    agreementNotFound:
      "The agreement does not exist, or you may not see it. Agreements are shown to their parties.",
  },
};

export default texts;
