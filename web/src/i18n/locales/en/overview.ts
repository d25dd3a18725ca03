import type { Translation } from "../../catalogue.js";
import type nb from "../nb/overview.js";

// English texts of the joint overview, its gaps, trends and the forum's reviews.

const texts: Translation<typeof nb> = {
  overview: {
    title: "Joint overview",
    lead: "Who offers what in the area's municipalities: coverage per municipality, gaps in the offer, task-division cases, agreements about to expire, courses due for review, and the trend over time.",
    filters: "Area and view",
    healthCommunity: "Health community",
    anyHealthCommunity: "Not limited to a health community",
    hospitalTrust: "Hospital trust area",
    anyHospitalTrust: "Not limited to a hospital trust",
    dimension: "Table columns",
    dimensions: {
      PRIORITY_GROUP: "Priority groups",
      DIAGNOSIS_GROUP: "Diagnosis groups",
      FORMAT: "Format",
      LANGUAGE: "Language",
    },
    captionDimension: {
      PRIORITY_GROUP: "priority group",
      DIAGNOSIS_GROUP: "diagnosis group",
      FORMAT: "format",
      LANGUAGE: "language",
    },
    chooseArea: "Choose a health community or a hospital trust area to see the overview.",
    matrixHeading: "Coverage per municipality",
    caption: "Published offers per municipality and {{dimension}}: {{area}}",
    captionHint:
      "Each cell holds the number of published offers. Totals count each offer once, so they are not the sum of the cells. The colour repeats the number.",
    municipality: "Municipality",
    total: "Total",
    legend: "Colour key",
    legendGap: "no offer (a gap)",
    legendOne_one: "{{count}} offer",
    legendOne_other: "{{count}} offers",
    legendRange: "{{from}}–{{to}} offers",
    downloadCsv: "Download the table as CSV",
    printPdf: "Print the table or save it as PDF",
    live: {
      updated: "The overview was updated at {{time}} because something changed in the area.",
    },
    gaps: {
      heading: "Gaps in the offer",
      none: "No gaps: every municipality has offers for every priority group.",
      MUNICIPALITY_WITHOUT_OFFER: "{{municipality}} has no published offer",
      PRIORITY_GROUP_WITHOUT_OFFER: "No offer in the area for the priority group: {{group}}",
      PRIORITY_GROUP_MISSING_IN_MUNICIPALITY:
        "{{municipality}} has no offer for the priority group: {{group}}",
    },
    flagged: {
      heading: "Task-division cases",
      intro:
        "Municipal offers marked diagnosis-specific. The forum decides whether they belong with the hospital trust.",
      none: "No task-division cases.",
    },
    agreements: {
      heading: "Agreements expiring soon",
      none: "No agreement expires in the next 90 days.",
      expires_one: "Expires in {{count}} day ({{date}})",
      expires_other: "Expires in {{count}} days ({{date}})",
      expired_one: "Expired {{count}} day ago ({{date}})",
      expired_other: "Expired {{count}} days ago ({{date}})",
    },
    reviewsDue: {
      heading: "Courses due for review",
      intro: "Each course is reviewed with its department every five years. These are due within 90 days.",
      none: "No course is due for review in the next 90 days.",
      dueIn_one: "due in {{count}} day ({{date}})",
      dueIn_other: "due in {{count}} days ({{date}})",
      overdue_one: "{{count}} day overdue ({{date}})",
      overdue_other: "{{count}} days overdue ({{date}})",
    },
    trends: {
      period: "Period",
      year: "Year",
      periodKind: "Kind of period",
      periodKinds: {
        YEAR: "Whole year",
        HALF_YEAR: "Half-year",
        QUARTER: "Quarter",
        MONTH: "Month",
      },
      periodIndex: {
        HALF_YEAR: "Half {{index}}",
        QUARTER: "Quarter {{index}}",
      },
      heading: "Trend over time",
      offersHeading: "Offers per month",
      participationHeading: "Participation per month",
      published: "Newly published offers",
      active: "Active offers",
      reports: "Reports",
      participants: "Participants",
      userRepresentatives: "User representatives (roles)",
      month: "Month",
      showTable: "Show the figures as a table",
      hideTable: "Hide the table",
      tableCaption: "Offers and participation per month",
      suppressed: "hidden",
      suppressedNote:
        "Participant counts below 5 are not shown, and some other figures are hidden too so the small ones cannot be worked out. They read “hidden” in the table and are breaks in the line. Figures are given only for whole months, quarters, half-years and years, so no one can subtract one period from another to find the small ones.",
      offersSummary:
        "From {{from}} to {{to}}, {{published}} new offers were published. In {{to}}, {{active}} offers were active.",
      participationSummary:
        "{{reports}} participation reports in the period, with {{participants}} participants and {{reps}} user-representative roles.",
    },
    forum: {
      heading: "The forum's reviews: {{community}}",
      recordHeading: "Record a review",
      meeting: "Meeting point",
      chooseMeeting: "Choose the meeting point the review was held at",
      findings: "Findings",
      findingsHint:
        "What the forum found in the overview, such as gaps in the offer or an unclear division of tasks.",
      decisions: "Decisions",
      decisionN: "Decision {{n}}",
      addDecision: "Add a decision",
      removeDecision: "Remove decision {{n}}",
      followUps: "Follow-ups",
      followUpN: "Follow-up {{n}}",
      followUpText: "What is to be done",
      responsible: "Responsible",
      dueOn: "Due",
      fromDecision: "Follows from",
      addFollowUp: "Add a follow-up",
      removeFollowUp: "Remove follow-up {{n}}",
      needDecision: "Add a decision first: a follow-up follows from a decision.",
      save: "Save the review",
      saved: "The review is saved.",
      past: "Past reviews",
      none: "No reviews recorded yet.",
      recordedBy: "Recorded by {{name}}, {{date}}",
      recordedAt: "Recorded {{date}}",
      noDecisions: "No decisions.",
      followUpLine: "{{text}} – {{responsible}}, due {{date}}",
    },
  },
};

export default texts;
