import type { Database } from "@samspill/database";
import { type WrittenLanguage, writtenLanguageOf } from "@samspill/domain";

// Mail goes out in the recipient's written language: their own choice, else that of the
// organisation they joined first, else bokmål (writtenLanguageOf in the domain). One query for
// all the recipients of a run.

export async function recipientLanguages(
  db: Database,
  personIds: readonly string[],
): Promise<Map<string, WrittenLanguage>> {
  const people = await db.person.findMany({
    where: { id: { in: [...new Set(personIds)] } },
    select: {
      id: true,
      language: true,
      memberships: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { organisation: { select: { language: true } } },
      },
    },
  });
  return new Map(
    people.map((p) => [
      p.id,
      writtenLanguageOf(
        p.language,
        p.memberships.map((m) => m.organisation.language),
      ),
    ]),
  );
}

/** One recipient's language; bokmål for someone not (or no longer) stored. */
export async function recipientLanguage(db: Database, personId: string): Promise<WrittenLanguage> {
  return (await recipientLanguages(db, [personId])).get(personId) ?? "nb";
}
