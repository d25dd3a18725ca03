import type { Translation } from "../../catalogue.js";
import type nb from "../nb/meetings.js";

// English texts of meeting points: participants, minutes, decisions and follow-ups.

const texts: Translation<typeof nb> = {
  meetings: {
    title: "Meeting points of {{name}}",
    intro:
      "Networks, cooperation committees, annual meetings and forums the organisation organises or takes part in.",
    new: "Register a new meeting point",
    none: "The organisation has no meeting points yet.",
    createTitle: "New meeting point",
    editTitle: "Edit “{{title}}”",
    about: "About the meeting",
    title_field: "Title",
    kind: "Kind of meeting point",
    startsAt: "Starts",
    endsAt: "Ends",
    location: "Place",
    onlineUrl: "Link to the online meeting",
    agenda: "Agenda",
    agreementId: "Agreement the meeting is held under",
    noAgreement: "No particular agreement",
    healthCommunityId: "Health community (for forums)",
    noHealthCommunity: "Not a health-community forum",
    organiser: "Organiser",
    participants: "Participating organisations",
    participantFilter: "Find an organisation",
    participantsChosen_one: "{{count}} organisation chosen",
    participantsChosen_other: "{{count}} organisations chosen",
    saveParticipants: "Save participants",
    participantsSaved: "The participants are saved.",
    minutes: "Minutes",
    saveMinutes: "Save the minutes",
    minutesSaved: "The minutes are saved.",
    decisions: "Decisions",
    noDecisions: "No decisions are recorded.",
    decisionText: "New decision",
    addDecision: "Record the decision",
    decisionAdded: "The decision is recorded.",
    followUps: "Follow-ups",
    noFollowUps: "No follow-ups.",
    followUpText: "What is to be done",
    dueOn: "Due",
    responsibleOrg: "Responsible organisation",
    fromDecision: "Follows up the decision",
    noDecision: "Not tied to a decision",
    addFollowUp: "Add a follow-up",
    followUpAdded: "The follow-up is added.",
    followUpStatus: "Status of “{{text}}”",
    followUpUpdated: "The follow-up is updated.",
    due: "due {{date}}",
    save: "Save the meeting point",
    create: "Register the meeting point",
    saved: "The meeting point is saved.",
    created: "The meeting point is registered.",
    notFound: "The meeting point was not found, or you may not see it.",
    conflict:
      "Someone else saved this meeting point while you were editing (you edited version {{expected}}, it is now version {{current}}). Your changes were not saved.",
  },
};

export default texts;
