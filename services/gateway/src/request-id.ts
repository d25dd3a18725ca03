import { randomUUID } from "node:crypto";

// The request id ties a request's log lines to the audit entries it wrote. A caller (or the proxy
// in front) may send its own in `x-request-id` so its traces line up with ours; but the value is
// written to every log line and to the audit trail, so only a short token of plain characters is
// kept. Anything else (control characters, newlines that would forge log lines, markup, an e-mail
// address, kilobytes of padding) is replaced by a fresh id.

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

export function acceptedRequestId(sent: string | undefined | null): string {
  return sent && acceptable.test(sent) ? sent : randomUUID();
}
