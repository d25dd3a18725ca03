import { languageNameIn } from "@samspill/domain";
import type { MailTexts } from "./mail-texts.js";

// English texts of the summaries and reminders, for readers who chose English.

const en: MailTexts = {
  locale: "en-GB",
  greeting: (name) => `Dear ${name},`,
  layout: {
    about: "Samspill is the collaboration hub for patient and carer education in Central Norway:",
  },
  figures: {
    fewerThan: (threshold) => `fewer than ${threshold}`,
    hidden: "hidden",
  },
  weekLabel: (week) => `week ${week}`,
  digest: {
    headings: {
      NEW: "New offers",
      UPDATED: "Changed offers",
      PAUSED: "Offers paused",
      ENDED: "Offers ended",
    },
    preview: (offers, sessions) => `${offers} changed offers, ${sessions} upcoming sessions`,
    title: (week) => `This week's changes, ${week}`,
    reason: "You receive this e-mail because you subscribe to the weekly digest in Samspill.",
    since: (date) => `Here is what is new since ${date}.`,
    scope: (names) => ` Your selection: ${names}.`,
    noChanges: "No offer in your selection changed in this period.",
    sessionsHeading: (days) => `Upcoming courses and sessions (next ${days} days)`,
    online: "online",
    and: " and ",
    seatsLeft: (seats) => `${seats} places left`,
    agreementsHeading: (days) => `Agreements expiring within ${days} days`,
    validTo: (date) => `Valid until ${date}`,
    moreOffers: (count) =>
      `… and ${count} more ${count === 1 ? "offer" : "offers"}. See your whole selection in the catalogue`,
    moreSessions: (count) =>
      `… and ${count} more ${count === 1 ? "session" : "sessions"}. See them all in the catalogue`,
    moreAgreements: (count) =>
      `… and ${count} more ${count === 1 ? "agreement" : "agreements"}. See them all in your workspace`,
    subject: (count, week) =>
      count === 0
        ? `Samspill: the week's overview, ${week}`
        : `Samspill: ${count} ${count === 1 ? "new or changed offer" : "new or changed offers"}, ${week}`,
  },
  reminders: {
    headings: {
      CHECKPOINT: "Checkpoints in the action plans",
      PLAN_REVIEW: "Reviews of the action plans",
      AGREEMENT_EXPIRING: "Cooperation agreements expiring soon",
      REVIEW_DUE: "Offers due for review (every 5 years)",
      FOLLOW_UP_OVERDUE: "Overdue follow-ups from meetings",
    },
    overdue: (date, days) => `Due ${date} (${days} days ago)`,
    today: (date) => `Due today, ${date}`,
    due: (date, days) => `Due ${date} (in ${days} days)`,
    preview: (count) => `${count} ${count === 1 ? "reminder" : "reminders"} from Samspill`,
    title: "Reminders",
    reason:
      "You receive this e-mail because you are an administrator or editor of an organisation in Samspill. Each reminder is sent once.",
    intro: "This needs your organisation's attention:",
    measure: (measure) => `Measure ${measure}`,
    planReview: (plan) => `Review of ${plan}`,
    lastReviewed: (date) => `Last reviewed ${date}`,
    subjectOne: (what) => `Samspill: reminder – ${what}`,
    subjectMany: (count) => `Samspill: ${count} reminders`,
    subjects: {
      CHECKPOINT: (measure) => `Checkpoint for measure ${measure}`,
      PLAN_REVIEW: (plan) => `Review of action plan: ${plan}`,
      AGREEMENT_EXPIRING: (what) => `Agreement expiring: ${what}`,
      REVIEW_DUE: (what) => `Review of offer: ${what}`,
      FOLLOW_UP_OVERDUE: (what) => `Follow-up overdue: ${what}`,
    },
  },
  forumFlag: {
    kinds: {
      GAP: "Gap in the offers",
      TASK_DIVISION_CONFLICT: "Task-division question",
      STALE_OFFER: "Stale offer",
    },
    audiences: { PATIENT: "patients", RELATIVE: "relatives", BOTH: "patients and relatives" } as Record<
      string,
      string
    >,
    raisedTitle: "The health community asks your organisation to answer a flag",
    dueTitle: "A flag from the health community is nearly due",
    raised: (community: string, owner: string) =>
      `The forum of ${community} has flagged something ${owner} is responsible for answering.`,
    due: (community: string, owner: string) =>
      `A flag from the forum of ${community} that ${owner} is responsible for is still open.`,
    subject: (kind: string) => `About: ${kind}`,
    note: (note: string) => `Note: ${note}`,
    dueOn: (date: string) => `Due: ${date}`,
    resolvedHow: "The flag is resolved by a decision in a forum meeting of the health community.",
    open: "Open the flag",
    reason:
      "You get this mail because you are an administrator or editor of the organisation the flag is on. Each notice is sent once.",
    subjectRaised: (kind: string) => `Samspill: new flag – ${kind}`,
    subjectDue: (kind: string, date: string) => `Samspill: flag due ${date} – ${kind}`,
  },
  sessionDecision: {
    subjectAhead: (title) => `The course goes ahead: ${title}`,
    subjectCancelled: (title) => `The course is cancelled (too few signed up): ${title}`,
    counts: (participants, minimum) => `${participants} confirmed participants; the minimum is ${minimum}.`,
    waiting: (waiting) => `${waiting} on the waiting list.`,
    goesAhead: "The course goes ahead as planned.",
    cancelled: "The session is cancelled, and everyone signed up or waiting has been told by e-mail.",
    reason:
      "You receive this e-mail because you are the contact person or an editor of the course in Samspill.",
  },
  halfYearly: {
    half: (half, year) => `${half === 1 ? "first" : "second"} half of ${year}`,
    preview: (count, half) => `${count} learning and coping offers, ${half}`,
    title: (half) => `Learning and coping offers, ${half}`,
    reason: "You receive this e-mail because you subscribe to the half-yearly overview in Samspill.",
    scope: (names) => ` for ${names}`,
    intro: (scope, url) =>
      `Here is the overview of published offers${scope}. Print it as a poster, or share the link to the up-to-date overview: ${url}`,
    none: "No published offers in your selection.",
    dates: (dates) => `Dates: ${dates}`,
    rolling: "Rolling start",
    languages: (names) => `Languages: ${names}`,
    howToJoin: (text) => `How to join: ${text}`,
    registration: (url) => `Registration: ${url}`,
    contact: (contact) => `Contact: ${contact}`,
    subject: (half) => `Samspill: learning and coping offers, ${half}`,
  },
  annualReport: {
    preview: (year, scope) => `Annual report ${year} for ${scope}`,
    title: (year, scope) => `Annual report ${year}: ${scope}`,
    reason: "You receive this e-mail because you subscribe to the annual report in Samspill.",
    intro: (scope, year, threshold) =>
      `Here is the annual report on patient and carer education in ${scope} for ${year}. Figures below ${threshold} are shown as “fewer than ${threshold}”, so that no one can be recognised.`,
    a0099Heading: "A0099 activity",
    count: "Number",
    a0099Offers: "Offers using the A0099 code",
    a0099Sessions: "Sessions held",
    participants: "Participants",
    participationHeading: "Participation",
    reports: (reports, offers) => `${reports} participation reports for ${offers} offers.`,
    audience: "Audience",
    audiences: ["Patients", "Carers", "Children and young people", "Parents", "Others"],
    total: "Total",
    userRepsHeading: "User involvement",
    phase: "Phase",
    repsInOffers: "User representatives in offers",
    offersWithReps: "Offers with user involvement",
    repsInMeetings: "User representatives in meeting points",
    phases: ["Planning", "Delivery", "Evaluation"],
    outOf: (count, of) => `${count} of ${of}`,
    pamHeading: "PAM before and after",
    noPam: (year) => `No PAM measurements were reported for ${year}.`,
    before: "Before",
    after: "After",
    answers: "Answers",
    meanScore: "Mean PAM score (0–100)",
    level: (level) => `Level ${level}`,
    offer: "Offer",
    answersBefore: "Answers before",
    scoreBefore: "Score before",
    answersAfter: "Answers after",
    scoreAfter: "Score after",
    subject: (year, scope) => `Samspill: annual report ${year} for ${scope}`,
  },
  labels: {
    offerKind: {
      GROUP_COURSE: "Group course",
      INDIVIDUAL_TRAINING: "Individual training",
      PEER_ACTIVITY: "Peer support",
      FAMILY_OFFER: "Family offer",
      DIGITAL_RESOURCE: "Digital resource",
      LECTURE: "Lecture",
    },
    offerFormat: {
      PHYSICAL: "In person",
      DIGITAL: "Online",
      HYBRID: "Hybrid (in person and online)",
    },
    priorityGroup: {
      CHILDREN_AND_YOUTH: "Children and young people",
      SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE: "Severe mental illness and substance use",
      FRAIL_ELDERLY: "Frail elderly",
      MULTIPLE_CHRONIC_CONDITIONS: "People with several chronic conditions",
    },
    diagnosisGroup: {
      DIABETES: "Diabetes",
      HEART_DISEASE: "Heart disease",
      COPD: "COPD",
      ASTHMA: "Asthma",
      IBD: "Inflammatory bowel disease",
      STROKE: "Stroke",
      CANCER: "Cancer",
      MENTAL_ILLNESS: "Mental illness",
      SUBSTANCE_USE: "Substance use",
      RHEUMATIC_DISEASE: "Rheumatic disease",
      CHRONIC_PAIN: "Chronic pain",
      NEUROLOGICAL: "Neurological disease",
      OBESITY: "Obesity",
      KIDNEY_DISEASE: "Kidney disease",
      DEMENTIA: "Dementia",
      OTHER: "Other",
    },
    language: (code) => languageNameIn(code, "en"),
  },
};

export default en;
