import { byMember, type MutationRows } from "./mutation-row.js";
import { controls } from "./mutation-targets.js";

// Organisations, people, invitations, tokens, webhooks, and a person's own settings.

const own =
  "A person's own setting: it acts on the signed-in person only, never on one named in the call; an outsider's call must leave the owner's member's";

export const accessRows: MutationRows = {
  createOrganisation: {
    // The region's organisations are the regional health authority's admins' to set up.
    by: () => controls.regionalAdmin,
    args: () => ({ input: { kind: "USER_ORGANISATION", name: "Ny brukerorganisasjon" } }),
    state: (_t, db) => db.organisation.count(),
  },
  updateOrganisation: {
    args: async (t, db) => ({
      input: {
        id: t.organisationId,
        version: (await db.organisation.findUniqueOrThrow({ where: { id: t.organisationId } })).version,
        website: "https://molde.example/kurs",
      },
    }),
    state: (t, db) => db.organisation.findUnique({ where: { id: t.organisationId } }),
  },
  createUnit: {
    args: (t) => ({ input: { organisationId: t.organisationId, kind: "CLINIC", name: "Ny enhet" } }),
    state: (t, db) => db.unit.count({ where: { organisationId: t.organisationId } }),
  },
  updateUnit: {
    args: (t) => ({ input: { id: t.unitId, name: "Endret enhet" } }),
    state: (t, db) => db.unit.findUnique({ where: { id: t.unitId } }),
  },
  invitePerson: {
    args: (t) => ({ input: { organisationId: t.organisationId, email: "ny@molde.example", role: "VIEWER" } }),
    state: (t, db) => db.invitation.count({ where: { organisationId: t.organisationId } }),
  },
  revokeInvitation: {
    args: (t) => ({ id: t.invitationId }),
    state: (t, db) => db.invitation.findUnique({ where: { id: t.invitationId } }),
  },
  createApiToken: {
    args: (t) => ({ organisationId: t.organisationId, name: "Ny token", role: "VIEWER" }),
    state: (t, db) => db.apiToken.count({ where: { organisationId: t.organisationId } }),
  },
  revokeApiToken: {
    args: (t) => ({ id: t.revocableTokenId }),
    state: (t, db) => db.apiToken.findUnique({ where: { id: t.revocableTokenId } }),
  },
  createWebhookSubscription: {
    args: (t) => ({ input: { organisationId: t.organisationId, url: "https://93.184.216.34/hooks/ny" } }),
    state: (t, db) => db.webhookSubscription.count({ where: { organisationId: t.organisationId } }),
  },
  deleteWebhookSubscription: {
    args: (t) => ({ id: t.webhookSubscriptionId }),
    state: async (t, db) => [
      await db.webhookSubscription.findUnique({ where: { id: t.webhookSubscriptionId } }),
      await db.webhookDelivery.count({ where: { subscriptionId: t.webhookSubscriptionId } }),
    ],
  },
  setMyLanguage: {
    ownThings: `${own} language as it was`,
    by: byMember,
    args: () => ({ language: "nn" }),
    state: (t, db) => db.person.findUnique({ where: { id: t.personId } }),
  },
  saveMyMailSubscription: {
    ownThings: `${own} subscriptions as they were`,
    by: byMember,
    args: () => ({ input: { kind: "REMINDERS" } }),
    state: (t, db) => db.subscription.findMany({ where: { personId: t.personId }, orderBy: { id: "asc" } }),
  },
  cancelMyMailSubscription: {
    ownThings: `${own} subscriptions as they were`,
    by: byMember,
    args: () => ({ kind: "WEEKLY_DIGEST" }),
    state: (t, db) => db.subscription.findMany({ where: { personId: t.personId }, orderBy: { id: "asc" } }),
  },
  revokeMyCalendarFeed: {
    ownThings: `${own} calendar feed link as it was`,
    by: byMember,
    args: () => ({}),
    state: (t, db) => db.calendarFeed.findMany({ where: { personId: t.personId }, orderBy: { id: "asc" } }),
  },
  createMyCalendarFeed: {
    ownThings: `${own} calendar feed link as it was`,
    by: byMember,
    args: () => ({}),
    state: (t, db) => db.calendarFeed.findMany({ where: { personId: t.personId }, orderBy: { id: "asc" } }),
  },
  updateMembership: {
    args: (t) => ({ input: { id: t.membershipId, title: "Rådgiver" } }),
    state: (t, db) => db.membership.findUnique({ where: { id: t.membershipId } }),
  },
  removeMembership: {
    args: (t) => ({ id: t.membershipId }),
    state: (t, db) => db.membership.findUnique({ where: { id: t.membershipId } }),
  },
};
