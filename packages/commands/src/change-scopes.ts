import type { ApiTokenScope } from "@samspill/domain";

// The scope an API token needs to change (or, for the logged reads, to read) each kind of row. Every command records its changes
// through the unit of work, which asks for the scope here, so no write escapes the check; a kind
// missing from this table is refused to tokens (and the commands' test names every kind).

export const scopeForEntity: Readonly<Record<string, ApiTokenScope>> = {
  Offer: "write:offers",
  OfferSession: "write:offers",
  SessionSignUp: "write:offers",
  OfferImport: "write:offers",
  Agreement: "write:agreements",
  ParticipationReport: "write:participation",
  PamEvaluation: "write:participation",
  PamResult: "write:participation",
  AttendanceReport: "write:participation",
  SessionAttendance: "write:participation",
  MeetingPoint: "write:meetings",
  FollowUp: "write:meetings",
  ActionPlan: "write:meetings",
  Measure: "write:meetings",
  ForumReview: "write:meetings",
  ForumFlag: "write:meetings",
  Organisation: "write:organisation",
  Unit: "write:organisation",
  Person: "write:organisation",
  Membership: "write:organisation",
  Subscription: "write:organisation",
  Dataset: "write:organisation",
  ApiToken: "manage:access",
  // A person's own feed link: tokens are refused by the command already; listed for completeness.
  CalendarFeed: "manage:access",
  WebhookSubscription: "manage:access",
  Invitation: "manage:access",
  // Logged reads of others' data (sensitive-reads/): a token needs only to be allowed to read.
  AuditTrail: "read",
  CapturedMail: "read",
  DigestPreview: "read",
  QueueDashboard: "read",
};
