import { ForbiddenError, parseInput, setMyLanguageInput, type WrittenLanguage } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { found, transact, type Unit } from "../unit-of-work.js";

// A signed-in person's own written language: the language their mails go out in. Only ever the
// caller's own (the person comes from the actor, never the input); API tokens act for an
// organisation, not a person, and are refused. Null follows the person's organisation.

export async function setMyLanguage(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string; language: WrittenLanguage | null }> {
  const { language } = parseInput(setMyLanguageInput, raw);
  const signedIn = requireSignedIn(actor);
  const personId = signedIn.kind === "PERSON" ? signedIn.personId : null;
  if (!personId) throw new ForbiddenError("Only a signed-in person has a language of their own");
  return transact(unit, signedIn, async ({ tx, record }) => {
    const before = await found(
      tx.person.findUnique({ where: { id: personId }, select: { language: true } }),
      "Person",
      personId,
    );
    if (before.language === language) return { id: personId, language };
    await tx.person.update({ where: { id: personId }, data: { language } });
    await record({
      action: "person.language",
      entityType: "Person",
      entityId: personId,
      organisationId: null,
      changes: { language: { from: before.language, to: language } },
      event: { type: "person.language_changed", payload: { id: personId, language } },
    });
    return { id: personId, language };
  });
}
