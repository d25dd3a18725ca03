import { createHash, randomBytes } from "node:crypto";
import { NotFoundError } from "@samspill/domain";
import type { Tx } from "../unit-of-work.js";

// Private links to a sign-up: 32 random bytes (base64url) in the URL, only their SHA-256 in the
// database, so a copy of the table opens nothing. Each mail draws a fresh link (SignUpLink).

export function hashSignUpToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Draws a new private link for the sign-up and returns its token (shown once, never stored). */
export async function issueSignUpLink(tx: Pick<Tx, "signUpLink">, signUpId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.signUpLink.create({ data: { tokenHash: hashSignUpToken(token), signUpId } });
  return token;
}

/** The sign-up a token opens; an unknown token (or one of anonymised data) is NotFound. */
export async function signUpIdForToken(tx: Pick<Tx, "signUpLink">, token: string): Promise<string> {
  const link = await tx.signUpLink.findUnique({ where: { tokenHash: hashSignUpToken(token) } });
  if (!link) throw new NotFoundError("SessionSignUp", "link");
  return link.signUpId;
}
