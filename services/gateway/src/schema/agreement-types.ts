import { sharedFieldsEditor } from "@samspill/commands";
import { daysUntil } from "@samspill/domain";
import { builder } from "../builder.js";
import { pagedList, takePage } from "../list-page.js";
import { AgreementStatusEnum, PartyRoleEnum } from "./agreement-inputs.js";
import { meetingVisibility, visibleOfferWhere } from "./cooperation-access.js";
import { OfferRef } from "./offer.js";
import { AudienceEnum, DiagnosisScopeEnum, OfferKindEnum, PriorityGroupEnum } from "./offer-enums.js";

// A cooperation agreement as clients see it: parties, the responsibilities each takes on, the
// coordinating party, the offers delivered under it and its meeting points. Queries and
// mutations: agreement.ts.

// Pages of an agreement's lists. Parties and responsibilities are bounded by the domain (an
// import may name 200 parties, an edit 100; 200 responsibilities), so one page holds them all
// and the editor, which saves them as a whole, reads them whole. Offers and meeting points grow.
const partiesPage = pagedList("parties", { default: 200, max: 200 });
const responsibilitiesPage = pagedList("responsibilities", { default: 200, max: 200 });
const offersPage = pagedList("offers", { default: 50, max: 200 });
const meetingPointsPage = pagedList("meetingPoints", { default: 50, max: 200 });

builder.prismaObject("AgreementParty", {
  fields: (t) => ({
    role: t.expose("role", { type: PartyRoleEnum }),
    organisation: t.relation("organisation"),
  }),
});

builder.prismaObject("AgreementResponsibility", {
  description: "What one party takes on: offer kinds, audiences, priority groups or a described category.",
  fields: (t) => ({
    id: t.exposeID("id"),
    description: t.exposeString("description"),
    diagnosisScope: t.expose("diagnosisScope", { type: DiagnosisScopeEnum, nullable: true }),
    offerKinds: t.expose("offerKinds", { type: [OfferKindEnum] }),
    audiences: t.expose("audiences", { type: [AudienceEnum] }),
    priorityGroups: t.expose("priorityGroups", { type: [PriorityGroupEnum] }),
    organisation: t.relation("organisation"),
  }),
});

export const AgreementRef = builder.prismaObject("Agreement", {
  description: "A cooperation agreement (samarbeidsavtale), statutory when it names a sub-agreement (§ 6-2).",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    subAgreement: t.exposeString("subAgreement", { nullable: true }),
    statutory: t.boolean({
      description: "A statutory cooperation agreement under the health and care services act § 6-2.",
      select: { subAgreement: true },
      resolve: (a) => Boolean(a.subAgreement),
    }),
    description: t.exposeString("description"),
    validFrom: t.expose("validFrom", { type: "Date" }),
    validTo: t.expose("validTo", { type: "Date", nullable: true }),
    expiresInDays: t.int({
      nullable: true,
      description: "Days until the last valid day (0 on it, negative after); null when open-ended.",
      select: { validTo: true },
      resolve: (a) => daysUntil(a.validTo, new Date()),
    }),
    status: t.expose("status", { type: AgreementStatusEnum }),
    documentUrl: t.exposeString("documentUrl", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    coordinator: t.relation("coordinator", {
      description: "The coordinating party: it keeps the shared fields and the party list.",
    }),
    mayEditSharedFields: t.boolean({
      description:
        "Whether you may change the shared fields and the parties: an editor of the coordinating party, or a regional admin of a party's region.",
      select: { id: true, coordinatorId: true },
      resolve: async (a, _args, ctx) => (await sharedFieldsEditor(ctx.db, ctx.viewer, a)) !== null,
    }),
    parties: t.relation("parties", {
      args: partiesPage.args,
      complexity: partiesPage.complexity,
      query: (args) => ({
        ...takePage(partiesPage.page(args)),
        orderBy: [{ role: "asc" }, { organisationId: "asc" }],
      }),
    }),
    partyCount: t.relationCount("parties"),
    responsibilities: t.relation("responsibilities", {
      args: responsibilitiesPage.args,
      complexity: responsibilitiesPage.complexity,
      query: (args) => ({ ...takePage(responsibilitiesPage.page(args)), orderBy: { id: "asc" } }),
    }),
    offers: t.field({
      type: [OfferRef],
      description: "Offers delivered under the agreement (published ones, and your own organisation's).",
      args: offersPage.args,
      complexity: offersPage.complexity,
      select: (args, ctx, nestedSelection) => ({
        offers: {
          ...takePage(offersPage.page(args)),
          where: { offer: visibleOfferWhere(ctx) },
          orderBy: { offerId: "asc" },
          select: { offer: nestedSelection(true) },
        },
      }),
      resolve: (a) => a.offers.map((o) => o.offer),
    }),
    offerCount: t.relationCount("offers", {
      description: "Offers delivered under the agreement that you can see (all pages of `offers`).",
      where: (_args, ctx) => ({ offer: visibleOfferWhere(ctx) }),
    }),
    meetingPoints: t.relation("meetingPoints", {
      description: "Meeting points held under the agreement that you can see.",
      args: meetingPointsPage.args,
      complexity: meetingPointsPage.complexity,
      query: (args, ctx) => ({
        ...takePage(meetingPointsPage.page(args)),
        where: meetingVisibility(ctx),
        orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      }),
    }),
  }),
});
