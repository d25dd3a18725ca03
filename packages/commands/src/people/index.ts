export {
  type AcceptedInvitation,
  acceptInvitation,
  type InvitationLink,
  issueInvitationLink,
  type SignedInIdentity,
} from "./accept-invitation.js";
export { requireOrganisationAdmin } from "./access.js";
export { hashInvitationToken } from "./invitation-token.js";
export { type InviteOptions, invitePerson, revokeInvitation } from "./invitations.js";
export { removeMembership, updateMembership } from "./memberships.js";
export { createOrganisation, updateOrganisation } from "./organisations.js";
export { setMyLanguage } from "./set-my-language.js";
export { createUnit, updateUnit } from "./units.js";
