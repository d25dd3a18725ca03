import type { Database } from "@samspill/database";

// Send-once for mails to people who signed up: a (sign-up, key) row is claimed before the mail
// goes out, so a retried or doubled job finds it and sends nothing. The claim names no address
// (the sign-up's own row does, until the retention job clears it).

/** Claims the mail `key` for the sign-up; false when it was claimed (sent or in doubt) before. */
export async function claimSignUpMail(db: Database, signUpId: string, key: string): Promise<boolean> {
  const { count } = await db.signUpMail.createMany({ data: [{ signUpId, key }], skipDuplicates: true });
  return count === 1;
}

/** Gives a claim back when the mail provably was not sent, so the job's retry sends it. */
export async function releaseSignUpMail(db: Database, signUpId: string, key: string): Promise<void> {
  await db.signUpMail.deleteMany({ where: { signUpId, key } });
}
