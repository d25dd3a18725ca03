import {
  type AgreementOfferLinkInput,
  agreementOfferLinkInput,
  DomainValidationError,
  ForbiddenError,
  fieldIssue,
  parseInput,
} from "@samspill/domain";
import { type Actor, editorRoles, holdsRole, requireSignedIn } from "../actor.js";
import { type Tx, transact, type Unit } from "../unit-of-work.js";
import { agreementPayload, asPartyEditor } from "./agreement-rows.js";

// Which offers are delivered under an agreement. A link is not versioned by the editor (two
// parties may link different offers at once), but it is a change of the agreement: its version
// goes up so that anyone editing it sees something changed. Each party links and unlinks only
// its own offers: the actor must edit for the offer's provider.

const notYourOffer =
  "A party links and unlinks only its own offers / En part knytter til og fjerner bare egne tilbud";

/** Records that an offer is delivered under the agreement; the offer's provider must be a party. */
export function linkOfferToAgreement(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  return changeOfferLink(unit, actor, raw, "link", async (tx, { agreementId, offerId }, partyIds, linked) => {
    const offer = await tx.offer.findUnique({ where: { id: offerId }, select: { providerId: true } });
    if (!offer) refuse("unknown_offer", "No such offer", "Tilbudet finnes ikke", "Tilbodet finst ikkje");
    if (partyIds.includes(offer.providerId) && !holdsRole(actor, offer.providerId, editorRoles))
      throw new ForbiddenError(notYourOffer);
    if (!partyIds.includes(offer.providerId))
      refuse(
        "provider_not_a_party",
        "Only offers provided by a party can be linked to the agreement",
        "Bare tilbud fra en avtalepart kan knyttes til avtalen",
        "Berre tilbod frå ein avtalepart kan knytast til avtalen",
      );
    if (linked)
      refuse(
        "already_linked",
        "The offer is already linked",
        "Tilbudet er allerede knyttet til avtalen",
        "Tilbodet er alt knytt til avtalen",
      );
    await tx.agreementOffer.create({ data: { agreementId, offerId } });
  });
}

/** Removes an offer from the agreement. */
export function unlinkOfferFromAgreement(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  return changeOfferLink(
    unit,
    actor,
    raw,
    "unlink",
    async (tx, { agreementId, offerId }, _partyIds, linked) => {
      const offer = await tx.offer.findUnique({ where: { id: offerId }, select: { providerId: true } });
      if (offer && !holdsRole(actor, offer.providerId, editorRoles)) throw new ForbiddenError(notYourOffer);
      if (!linked)
        refuse(
          "not_linked",
          "The offer is not linked to the agreement",
          "Tilbudet er ikke knyttet til avtalen",
          "Tilbodet er ikkje knytt til avtalen",
        );
      await tx.agreementOffer.delete({ where: { agreementId_offerId: { agreementId, offerId } } });
    },
  );
}

async function changeOfferLink(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
  action: "link" | "unlink",
  apply: (tx: Tx, link: AgreementOfferLinkInput, partyIds: string[], linked: boolean) => Promise<void>,
): Promise<{ id: string }> {
  const link = parseInput(agreementOfferLinkInput, raw);
  const { agreementId, offerId } = link;
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const { agreement, acting } = asPartyEditor(
      actor,
      await tx.agreement.findUnique({
        where: { id: agreementId },
        select: {
          parties: { select: { organisationId: true } },
          offers: { where: { offerId }, select: { offerId: true } },
        },
      }),
    );
    await apply(
      tx,
      link,
      agreement.parties.map((p) => p.organisationId),
      agreement.offers.length > 0,
    );
    const after = await tx.agreement.update({
      where: { id: agreementId },
      data: { version: { increment: 1 } },
      select: { version: true, validTo: true, status: true },
    });
    await record({
      action: `agreement.offer_${action}`,
      entityType: "Agreement",
      entityId: agreementId,
      organisationId: acting,
      changes: { offers: action === "link" ? { added: offerId } : { removed: offerId } },
      event: { type: "agreement.updated", payload: agreementPayload(agreementId, after) },
    });
    return { id: agreementId };
  });
}

function refuse(code: string, message: string, messageNb: string, messageNn: string): never {
  throw new DomainValidationError([fieldIssue("offerId", code, message, messageNb, messageNn)]);
}
