import { signUnsubscribeToken, type UnsubscribeClaim } from "@samspill/events/mail-links";
import { links } from "./links.js";

/** Where a recipient stops one kind of mail: the link shown in the body and the RFC 8058 headers. */
export interface UnsubscribeLinks {
  /** The confirmation page of the web app, for the footer's visible link. */
  page: string;
  /** `List-Unsubscribe` (the gateway's one-click URL) and `List-Unsubscribe-Post`. */
  headers: Record<string, string>;
}

/**
 * One recipient's links for one kind of mail, signed with the server's MAIL_LINK_SECRET. RFC
 * 8058: a mail client that offers "unsubscribe" POSTs `List-Unsubscribe=One-Click` to the
 * header's https URL, with no cookies and no sign-in; the token in it is the proof.
 */
export function unsubscribeLinks(
  publicUrl: string,
  secret: string,
  claim: UnsubscribeClaim,
): UnsubscribeLinks {
  const token = signUnsubscribeToken(secret, claim);
  return {
    page: links.unsubscribePage(publicUrl, token),
    headers: {
      "List-Unsubscribe": `<${links.unsubscribeOneClick(publicUrl, token)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
