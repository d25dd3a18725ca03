import type { Prisma } from "@samspill/database";

/**
 * What anonymising a sign-up clears: everything that names, reaches or describes the person.
 * Status, role, arrival number and attendance stay, so the counts the reports are built from
 * survive; the private links go, so the sign-up can no longer be opened.
 */
export const anonymisedFields = {
  name: null,
  email: null,
  phone: null,
  needsInterpreter: false,
  interpreterLanguage: null,
  accessibilityNeeds: [],
  otherNeeds: null,
} satisfies Prisma.SessionSignUpUpdateManyMutationInput;

export async function anonymiseRows(
  tx: Pick<Prisma.TransactionClient, "sessionSignUp" | "signUpLink">,
  ids: string[],
  at: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  await tx.signUpLink.deleteMany({ where: { signUpId: { in: ids } } });
  const done = await tx.sessionSignUp.updateMany({
    where: { id: { in: ids }, anonymisedAt: null },
    data: { ...anonymisedFields, anonymisedAt: at },
  });
  return done.count;
}
