export { createMeetingPoint } from "./create-meeting-point.js";
export { addFollowUp, updateFollowUp } from "./follow-ups.js";
export { addMeetingDecision, recordMinutes, setMeetingParticipants } from "./meeting-record.js";
export { updateMeetingPoint } from "./update-meeting-point.js";
