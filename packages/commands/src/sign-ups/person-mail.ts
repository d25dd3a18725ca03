/**
 * The header that marks a mail to a course participant (sign-up, waiting list, confirmation,
 * reminder, cancellation). Such mails hold a name and a private link: the demo mail sink's
 * admin view leaves them out, and the sign-up retention job deletes captured ones. The sink
 * stores header keys lower-cased.
 */
export const personMailHeader = "X-Samspill-Person-Mail";
export const personMailHeaders: Readonly<Record<string, string>> = { [personMailHeader]: "sign-up" };
